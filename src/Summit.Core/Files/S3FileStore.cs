using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Summit.Core.Data;

namespace Summit.Core.Files;

/// <summary>
/// Files as objects in an S3-compatible bucket (<c>Files:S3:*</c>): AWS S3, MinIO, Alibaba Cloud OSS. A write uploads
/// the finished temporary file in one request (S3 makes an object visible whole); a read fetches byte ranges as the
/// reader goes, pinned to the object's ETag, so a replacement mid-download fails that download rather than mixing two
/// files.
/// </summary>
internal sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly FileStoreOptions.S3Settings settings;
    private readonly IOptions<StorageOptions> storage;

    public S3FileStore(IOptions<FileStoreOptions> options, IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = options.Value.S3;
        this.storage = storage;
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            // Checksums only where S3 requires them: self-hosted servers do not all know the newer trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(settings.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        }
        else
        {
            config.ServiceURL = settings.ServiceUrl;
            config.AuthenticationRegion = settings.Region;
        }

        client = string.IsNullOrEmpty(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    private string Bucket => settings.Bucket!;

    public async Task<StoredFile?> FindAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = ObjectKey(key) }, cancellationToken);
            return new StoredFile(key, head.ContentLength, head.LastModified ?? DateTime.UtcNow, head.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<(StoredFile File, Stream Content)?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var file = await FindAsync(key, cancellationToken);
        return file is null ? null : (file, new RangeStream(client, Bucket, ObjectKey(key), file.Length, file.ETag));
    }

    public Task<StoredFile> WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        return TemporaryFiles.WriteThenAsync(storage.Value, write, async path =>
        {
            // Signed over the whole body rather than in aws-chunked frames, which not every S3-compatible server
            // (OSS, s3rver) decodes: the file is local, so reading it twice costs little.
            await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = objectKey, FilePath = path, UseChunkEncoding = false }, cancellationToken);
            return await FindAsync(key, cancellationToken) ?? throw new IOException($"The object store did not keep {key}.");
        }, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = ObjectKey(key) }, cancellationToken);

    public async Task<IReadOnlyList<StoredFile>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        FileKeys.Check(prefix, prefix: true);
        var found = new List<StoredFile>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = settings.Prefix + prefix };
        do
        {
            var page = await client.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in page.S3Objects ?? [])
            {
                var key = o.Key[settings.Prefix.Length..];
                if (FileKeys.IsValid(key))
                {
                    found.Add(new StoredFile(key, o.Size ?? 0, o.LastModified ?? DateTime.UtcNow, o.ETag));
                }
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
        return found;
    }

    public Task CheckAsync(CancellationToken cancellationToken) =>
        client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = settings.Prefix, MaxKeys = 1 }, cancellationToken);

    public void Dispose() => client.Dispose();

    private string ObjectKey(string key) => settings.Prefix + FileKeys.Check(key);

    /// <summary>Read-only and seekable: each read at a new offset asks for the bytes from there to the end, if the object is still the one opened.</summary>
    private sealed class RangeStream(AmazonS3Client client, string bucket, string key, long length, string etag) : Stream
    {
        private GetObjectResponse? response;
        private long responseAt = -1;
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (position >= length || buffer.Length == 0)
            {
                return 0;
            }

            if (response is null || responseAt != position)
            {
                response?.Dispose();
                response = await client.GetObjectAsync(new GetObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    ByteRange = new ByteRange(position, length - 1),
                    EtagToMatch = etag,
                }, cancellationToken);
                responseAt = position;
            }

            var read = await response.ResponseStream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The object ended before its length.");
            }

            position += read;
            responseAt = position;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
