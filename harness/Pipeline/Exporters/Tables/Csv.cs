using System.Text;

namespace PerfTests.Exporters.Tables;

/// <summary>Minimal RFC 4180 writer: quotes a field only when it holds a comma, quote or line break.</summary>
internal static class Csv
{
    public static string Lines(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append('\n');
        }

        return text.ToString();
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
