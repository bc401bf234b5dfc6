using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PerfTests.Budgets;

/// <summary>What a YAML scalar is under the YAML 1.2 core schema (what editors and JSON Schema see).</summary>
internal enum YamlScalarKind
{
    /// <summary><c>~</c>, <c>null</c> or nothing.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c> (also <c>True</c>, <c>TRUE</c>, ...).</summary>
    Bool,

    /// <summary>A plain number: <c>5</c>, <c>0.5</c>, <c>1e3</c>, <c>0x1F</c>, <c>.inf</c>.</summary>
    Number,

    /// <summary>Text: anything else, and every quoted or block scalar.</summary>
    Text,

    /// <summary>A scalar with a tag (<c>!!str</c>, <c>!custom</c>): budget files do not use tags.</summary>
    Tagged,
}

/// <summary>
/// Resolves scalars the way the YAML 1.2 core schema does, so that the loader and an editor's JSON
/// Schema check see the same types: <c>fail: 5</c> is a number, <c>fail: "5"</c> and <c>fail: 5ms</c>
/// are text, <c>abort_on_fail: yes</c> is text (not a boolean).
/// </summary>
internal static partial class YamlScalar
{
    [GeneratedRegex(@"^(~|null|Null|NULL|)$", RegexOptions.CultureInvariant)]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^(true|True|TRUE|false|False|FALSE)$", RegexOptions.CultureInvariant)]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    public static YamlScalarKind Kind(YamlScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
        {
            return YamlScalarKind.Tagged;
        }

        var text = node.Value ?? string.Empty;
        // A quoted or block scalar is text; so is a plain one marked with the non-specific tag "!".
        if (node.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || (node.Tag.IsNonSpecific && node.Tag.ToString() == "!"))
        {
            return YamlScalarKind.Text;
        }

        return NullPattern().IsMatch(text) ? YamlScalarKind.Null
            : BoolPattern().IsMatch(text) ? YamlScalarKind.Bool
            : NumberPattern().IsMatch(text) ? YamlScalarKind.Number
            : YamlScalarKind.Text;
    }

    /// <summary>The value of a <see cref="YamlScalarKind.Number"/> scalar (may be infinite or NaN: the caller judges).</summary>
    public static double Number(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : double.PositiveInfinity;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            double octal = 0;
            foreach (var digit in text.AsSpan(2))
            {
                octal = (octal * 8) + (digit - '0');
            }

            return octal;
        }

        var lower = text.ToLowerInvariant();
        return lower.EndsWith(".inf", StringComparison.Ordinal) ? (lower[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity)
            : lower == ".nan" ? double.NaN
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The scalar's type in words, for "expected text, found a number".</summary>
    public static string Describe(YamlScalarKind kind) => kind switch
    {
        YamlScalarKind.Null => "nothing (null)",
        YamlScalarKind.Bool => "a boolean",
        YamlScalarKind.Number => "a number",
        YamlScalarKind.Tagged => "a tagged value (budget files use no tags)",
        _ => "text",
    };
}
