using Microsoft.Extensions.Options;
using MimeKit;
using Summit.Core.Data;

namespace Summit.Jobs.Mail;

/// <summary>
/// The embedded default: each message becomes <c>Storage:Path/outbox/&lt;time&gt;-&lt;id&gt;.eml</c>, which any mail
/// program opens. The file is written under a temporary name and renamed, so a reader never sees half a message.
/// </summary>
public sealed class OutboxFolderTransport(IOptions<StorageOptions> storage, TimeProvider clock) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = storage.Value.SubFolder("outbox");
        var id = (message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0];
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{id}.eml";
        var path = Path.Combine(folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
