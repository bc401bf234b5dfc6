using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.Writing;

/// <summary>
/// Stable identities across runs. testCaseId depends on the full name only; historyId adds the
/// non-excluded parameters (sorted by name), so run-specific values marked excluded do not split history.
/// </summary>
internal static class HistoryIds
{
    public static string TestCaseId(string fullName) => Hash(fullName);

    public static string HistoryId(string fullName, IEnumerable<Parameter> parameters)
    {
        var builder = new StringBuilder(fullName);
        foreach (var parameter in parameters.Where(p => !p.Excluded).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(parameter.Name).Append('=').Append(parameter.Value);
        }

        return Hash(builder.ToString());
    }

    /// <summary>First 128 bits of SHA-256 as hex: short like Allure's MD5 ids, without a weak-hash warning.</summary>
    private static string Hash(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var builder = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            builder.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
