using System.Text;

namespace PerfTests.Budgets;

/// <summary>
/// Reads a budget file's bytes as UTF-8 (a byte-order mark of UTF-8 or UTF-16 is honoured) and refuses
/// anything else by name: a UTF-16 file without a mark or a Latin-1 file would otherwise surface as a
/// YAML syntax error, or worse, load with its non-ASCII characters silently replaced.
/// </summary>
internal static class BudgetFileText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null with an error located in <paramref name="file"/>.</summary>
    public static string? Read(string file, List<BudgetError> errors)
    {
        var length = new FileInfo(file).Length;
        // A file far larger than any budget is refused before it is read into memory.
        if (length > YamlLimits.MaxCharacters * 4L)
        {
            errors.Add(new BudgetError(new SourceLocation(file, 1, 1, string.Empty),
                $"the budget file is {length:N0} bytes; at most {YamlLimits.MaxCharacters:N0} characters are read (a budget is a few kilobytes)"));
            return null;
        }

        return Decode(File.ReadAllBytes(file), file, errors);
    }

    internal static string? Decode(byte[] bytes, string file, List<BudgetError> errors)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Utf8(bytes, 3, file, errors);
        }

        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            // With its mark, UTF-16 is unambiguous (YAML allows it).
            return new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false).GetString(bytes, 2, bytes.Length - 2);
        }

        if (Utf16Guess(bytes) is { } order)
        {
            errors.Add(new BudgetError(new SourceLocation(file, 1, 1, string.Empty),
                $"the file looks like UTF-16 {order} without a byte-order mark (every other byte is 0); save it as UTF-8"));
            return null;
        }

        return Utf8(bytes, 0, file, errors);
    }

    private static string? Utf8(byte[] bytes, int start, string file, List<BudgetError> errors)
    {
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var at = start + Math.Max(0, ex.Index);
            var (line, column) = Position(bytes, start, at);
            var bad = ex.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : bytes[Math.Min(at, bytes.Length - 1)];
            errors.Add(new BudgetError(new SourceLocation(file, line, column, string.Empty),
                $"the file is not UTF-8: byte 0x{bad:X2} cannot start a UTF-8 character (Latin-1 or Windows-1252 text?); save it as UTF-8"));
            return null;
        }
    }

    /// <summary>"LE" or "BE" when zeros fill the odd or the even bytes of the start (ASCII text in UTF-16), else null.</summary>
    private static string? Utf16Guess(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, 512) & ~1;
        if (n < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }

        var half = n / 2;
        return oddZeros > half * 0.6 && evenZeros == 0 ? "LE" : evenZeros > half * 0.6 && oddZeros == 0 ? "BE" : null;
    }

    private static (long Line, long Column) Position(byte[] bytes, int start, int at)
    {
        long line = 1, column = 1;
        for (var i = start; i < at && i < bytes.Length; i++)
        {
            // Column in characters: continuation bytes of earlier characters do not count.
            (line, column) = bytes[i] == (byte)'\n' ? (line + 1, 1) : (bytes[i] & 0xC0) == 0x80 ? (line, column) : (line, column + 1);
        }

        return (line, column);
    }
}
