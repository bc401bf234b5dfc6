using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PerfTests.Budgets;

/// <summary>
/// Bounds on a budget file checked on YamlDotNet's event stream (iterative, no tree) before the tree is
/// built: YamlDotNet builds the tree recursively, so a deeply nested file would overflow the stack and
/// end the test host; aliases may repeat a node many times over, so the size a reader walks is
/// counted with every alias expanded. A budget needs a few hundred nodes at most nesting eight deep.
/// </summary>
internal static class YamlLimits
{
    /// <summary>Characters read; a budget file is a few kilobytes.</summary>
    public const int MaxCharacters = 1_000_000;

    /// <summary>Mappings and sequences inside each other.</summary>
    public const int MaxDepth = 32;

    /// <summary>Nodes with every alias expanded.</summary>
    public const long MaxExpandedNodes = 100_000;

    /// <summary>Adds an error and returns false when <paramref name="text"/> breaks a bound; YAML syntax errors are left to the loader.</summary>
    public static bool Check(string text, string file, List<BudgetError> errors)
    {
        if (text.Length > MaxCharacters)
        {
            errors.Add(new BudgetError(new SourceLocation(file, 1, 1, string.Empty),
                $"the budget file has {text.Length:N0} characters; at most {MaxCharacters:N0} are read (a budget is a few kilobytes)"));
            return false;
        }

        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long StartTotal)>();
        var anchored = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        ParsingEvent? last = null;
        try
        {
            while (parser.MoveNext())
            {
                var current = last = parser.Current!;
                switch (current)
                {
                    case NodeEvent { } start when current is MappingStart or SequenceStart:
                        total++;
                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, total - 1));
                        if (open.Count > MaxDepth)
                        {
                            return Fail(errors, file, current, $"the budget file nests deeper than {MaxDepth} levels");
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, startTotal) = open.Pop();
                        if (anchor is not null)
                        {
                            anchored[anchor] = total - startTotal;
                        }

                        break;
                    case Scalar scalar:
                        total++;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchored[scalar.Anchor.Value] = 1;
                        }

                        break;
                    case AnchorAlias alias:
                        total += anchored.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                }

                if (total > MaxExpandedNodes)
                {
                    return Fail(errors, file, current, $"the budget file expands to more than {MaxExpandedNodes:N0} values (aliases counted each time they are used)");
                }
            }
        }
        catch (YamlException)
        {
            // Reported with its location when the tree is built.
        }
        catch (Exception e) when (IsReaderFailure(e))
        {
            // YamlDotNet's scanner throws these on some malformed input instead of a YamlException.
            var at = last?.End ?? Mark.Empty;
            errors.Add(new BudgetError(new SourceLocation(file, Math.Max(1, at.Line), Math.Max(1, at.Column), string.Empty),
                $"invalid YAML after this point (the YAML reader stopped: {e.Message})"));
            return false;
        }

        return true;
    }

    /// <summary>What YamlDotNet throws on some malformed input instead of a YamlException.</summary>
    public static bool IsReaderFailure(Exception e) =>
        e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or InvalidCastException;

    private static bool Fail(List<BudgetError> errors, string file, ParsingEvent at, string message)
    {
        errors.Add(new BudgetError(new SourceLocation(file, at.Start.Line, at.Start.Column, string.Empty), message));
        return false;
    }
}
