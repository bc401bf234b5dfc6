using System.Globalization;
using System.Text;

namespace PerfTests.Budgets;

/// <summary>
/// Shows user text in an error so that it cannot look like the right text: characters that are
/// invisible, or look like ASCII (Cyrillic and Greek letters, no-break and other spaces, dashes,
/// curly quotes, full-width forms), are written as <c>\uXXXX</c> and named once after the message.
/// </summary>
internal static class VisibleText
{
    public static string Show(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(c => Kind(c) is null))
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 32);
        var named = new SortedDictionary<char, string>();
        foreach (var c in text)
        {
            if (Kind(c) is { } kind)
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                named[c] = kind;
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.Append(" (written as \\uXXXX: ")
            .AppendJoin(", ", named.Select(n => string.Create(CultureInfo.InvariantCulture, $"U+{(int)n.Key:X4} {n.Value}")))
            .Append(')').ToString();
    }

    /// <summary>Why <paramref name="c"/> would mislead when printed as itself, or null when it would not.</summary>
    private static string? Kind(char c) => c switch
    {
        '\t' => "tab",
        < ' ' or '\u007F' => "control character",
        < '\u007F' => null,
        '\u00A0' or '\u2007' or '\u202F' => "no-break space",
        '\u00AD' or (>= '\u200B' and <= '\u200F') or '\u2060' or '\uFEFF' => "invisible",
        >= '\u0370' and <= '\u03FF' => "Greek letter",
        >= '\u0400' and <= '\u04FF' => "Cyrillic letter",
        (>= '\u2010' and <= '\u2015') or '\u2212' => "dash or minus sign",
        >= '\u2018' and <= '\u201F' => "curly quote",
        >= '\uFF01' and <= '\uFF5E' => "full-width form",
        _ => char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.SpaceSeparator => "space that is not U+0020",
            UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "invisible",
            _ => null,
        },
    };
}
