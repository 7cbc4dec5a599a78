using System.ComponentModel.DataAnnotations;

namespace Summit.Core.Files;

public enum FileStoreKind
{
    /// <summary>Under <c>Storage:Path</c> on this machine (<c>photos/</c>, <c>badges/</c>, ...): the default, for one machine.</summary>
    Folder,

    /// <summary>In the database (tables StoredFiles and StoredFileChunks): several nodes, nothing else to run.</summary>
    Database,

    /// <summary>An S3-compatible object store (AWS S3, MinIO, Alibaba Cloud OSS): several nodes, large volumes.</summary>
    S3,
}

/// <summary>The <c>Files</c> section: where files live (<see cref="IFileStore"/>).</summary>
public sealed class FileStoreOptions : IValidatableObject
{
    public const string Section = "Files";

    /// <summary><c>folder</c> (default), <c>database</c> or <c>s3</c>.</summary>
    public FileStoreKind Store { get; set; } = FileStoreKind.Folder;

    public S3Settings S3 { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store == FileStoreKind.S3 && string.IsNullOrWhiteSpace(S3.Bucket))
        {
            yield return new ValidationResult("Files:Store is s3 but Files:S3:Bucket is not set.", [nameof(S3)]);
        }

        if (Store == FileStoreKind.S3 && !string.IsNullOrWhiteSpace(S3.ServiceUrl) && !Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Files:S3:ServiceUrl is not an absolute URL.", [nameof(S3)]);
        }
    }

    /// <summary><c>Files:S3:*</c>. Without ServiceUrl, AWS itself in <see cref="Region"/>; keys from the settings or, when empty, the SDK's usual chain (environment, instance role).</summary>
    public sealed class S3Settings
    {
        /// <summary>For MinIO or OSS: e.g. <c>https://oss-cn-chongqing.aliyuncs.com</c> or <c>http://minio:9000</c>.</summary>
        public string? ServiceUrl { get; set; }

        public string Region { get; set; } = "us-east-1";

        public string? Bucket { get; set; }

        public string? AccessKey { get; set; }

        public string? SecretKey { get; set; }

        /// <summary>Path-style addressing (<c>host/bucket/key</c>), which MinIO and most self-hosted servers need.</summary>
        public bool ForcePathStyle { get; set; } = true;

        /// <summary>Prepended to every key, to share a bucket (e.g. <c>summit/</c>).</summary>
        public string Prefix { get; set; } = "";
    }
}
