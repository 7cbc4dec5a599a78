using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Summit.Jobs.Pdf;

/// <summary>
/// Saves every PDF Summit makes. PDFsharp 6.2.4's own Flate encoder ends its streams without the final deflate block
/// and the zlib checksum, so `qpdf --check` warned on every page of every file ("input stream is complete but output
/// may still be valid"), and a strict reader or a print shop's preflight may refuse them. PDFsharp writes its streams
/// uncompressed here; the file is read back and every stream without a filter is compressed by .NET's
/// <see cref="ZLibStream"/>, whose streams are complete (and those PDFsharp compresses anyway, the pages' contents,
/// decoded and compressed again). Fonts are embedded while a document is saved, so the file
/// must be read back rather than its objects compressed before the first save.
/// </summary>
public static class PdfOutput
{
    public static void Save(PdfDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        document.Options.NoCompression = true;
        using var raw = new MemoryStream();
        document.Save(raw, closeStream: false);
        raw.Position = 0;
        using var reread = PdfReader.Open(raw, PdfDocumentOpenMode.Modify);
        reread.Options.NoCompression = true;
        foreach (var item in reread.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary { Stream: { Value.Length: > 0 } stream } dictionary)
            {
                continue;
            }

            // Page contents are Flate-encoded by PDFsharp whatever the option: decoded and encoded again. Other filters
            // (an image's, or Flate with a predictor) are left as they are.
            var filter = dictionary.Elements.GetName("/Filter");
            byte[] plain;
            if (filter.Length == 0)
            {
                plain = stream.Value;
            }
            else if (filter == "/FlateDecode" && !dictionary.Elements.ContainsKey("/DecodeParms"))
            {
                plain = stream.UnfilteredValue;
            }
            else
            {
                continue;
            }

            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(plain);
            }

            stream.Value = packed.ToArray();
            dictionary.Elements.SetName("/Filter", "/FlateDecode");
        }

        reread.Save(output, closeStream: false);
    }

    public static void Save(PdfDocument document, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        Save(document, file);
    }
}
