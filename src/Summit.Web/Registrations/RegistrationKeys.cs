using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Registrations;

namespace Summit.Web.Registrations;

/// <summary>Finds the registration a self-service link is for: the link's key is the only credential it carries.</summary>
public static class RegistrationKeys
{
    public static async Task<Registration?> FindAsync(SummitDbContext db, string? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(key) || key.Length != 32 || !key.All(Uri.IsHexDigit))
        {
            return null;
        }

        var lowered = key.ToLowerInvariant();
        var found = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.AccessKey == lowered && r.ErasedAt == null, cancellationToken);
        // Compared again in constant time: the index lookup found a candidate, this decides.
        return found is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(found.AccessKey), Encoding.ASCII.GetBytes(lowered))
            ? found
            : null;
    }
}
