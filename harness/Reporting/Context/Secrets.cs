using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PerfTests;

/// <summary>
/// Values that must never reach a report, a log or a summary: the user-info and query of the URLs a run
/// is pointed at, secret-looking settings, anything a test registers. Every Allure file, summary and line
/// of test output the harness writes goes through <see cref="Scrub(string?)"/>, which writes <c>***</c> instead.
/// Process-wide and only ever added to: a secret seen once stays masked for the rest of the run.
/// </summary>
public static class Secrets
{
    private const int MinimumLength = 4;
    private static readonly string[] SecretWords = ["password", "passwd", "pwd", "secret", "token", "key", "credential", "connectionstring", "auth"];
    private static readonly Lock Sync = new();
    private static string[] _values = [];

    /// <summary>Masks <paramref name="secret"/> from now on (values shorter than 4 characters are ignored: they would mask ordinary text).</summary>
    public static void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Trim().Length < MinimumLength)
        {
            return;
        }

        // As written, URL-decoded, and as JSON writes it (quotes and backslashes escaped).
        var forms = new[]
        {
            secret, Uri.UnescapeDataString(secret), JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
            JsonEncodedText.Encode(secret).ToString(),
        };
        lock (Sync)
        {
            // Longest first, so that a secret containing another is masked whole.
            _values = [.. _values.Concat(forms.Where(f => f.Length >= MinimumLength)).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
        }
    }

    /// <summary>Masks the user-info (user and password) and every query value of <paramref name="url"/>.</summary>
    public static void RegisterUrl(Uri? url)
    {
        if (url is not { IsAbsoluteUri: true })
        {
            return;
        }

        Register(url.UserInfo);
        foreach (var part in url.UserInfo.Split(':'))
        {
            Register(part);
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            Register(pair.Contains('=', StringComparison.Ordinal) ? pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..] : pair);
        }
    }

    /// <summary>Masks the values of settings whose name says they are secret (password, token, key, connection string...).</summary>
    public static void RegisterSettings(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (name, value) in settings)
        {
            if (LooksSecret(name))
            {
                Register(value);
            }
        }
    }

    /// <summary>Whether a setting's name marks its value as secret.</summary>
    public static bool LooksSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><paramref name="text"/> with every registered secret replaced by <c>***</c>.</summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in Volatile.Read(ref _values))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// The same for a file's bytes: UTF-8 text is scrubbed; anything that is not UTF-8 text (an image)
    /// is returned as it is.
    /// </summary>
    internal static ReadOnlySpan<byte> ScrubUtf8(ReadOnlySpan<byte> content)
    {
        if (Volatile.Read(ref _values).Length == 0)
        {
            return content;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return content;
        }

        var scrubbed = Scrub(text);
        return ReferenceEquals(scrubbed, text) ? content : Encoding.UTF8.GetBytes(scrubbed);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
}
