namespace Summit.Core.Registrations;

/// <summary>A code that unlocks a category (and may skip approval), for one person or for a whole delegation.</summary>
public sealed class InvitationCode
{
    private InvitationCode()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public int CategoryId { get; private set; }

    /// <summary>Upper-case letters and digits; compared without regard to case.</summary>
    public string Code { get; private set; } = "";

    public int MaxUses { get; private set; }

    /// <summary>Changed only by an UPDATE that tests <see cref="MaxUses"/> in the same statement.</summary>
    public int Uses { get; private set; }

    public bool BypassesApproval { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    internal static InvitationCode Create(int editionId, int categoryId, string code, int maxUses, bool bypassesApproval, string? note, DateTimeOffset now) => new()
    {
        EditionId = editionId,
        CategoryId = categoryId,
        Code = code.Trim().ToUpperInvariant(),
        MaxUses = maxUses,
        BypassesApproval = bypassesApproval,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CreatedAt = now,
    };
}
