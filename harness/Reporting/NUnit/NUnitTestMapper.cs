using System.Collections;
using System.Globalization;
using NUnit.Framework.Interfaces;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.NUnit;

/// <summary>
/// Builds an Allure result from an NUnit test the way allure-csharp does: name = method name,
/// parameters = argument names/values, parentSuite/suite/subSuite = assembly/namespace/class,
/// one tag per category, plus epic/feature/story/severity/owner from NUnit properties.
/// </summary>
internal static class NUnitTestMapper
{
    public const string EpicProperty = "Epic";
    public const string FeatureProperty = "Feature";
    public const string StoryProperty = "Story";
    public const string SeverityProperty = "Severity";

    public static TestResult Map(ITest test)
    {
        var type = test.TypeInfo?.Type;
        var className = test.ClassName ?? type?.FullName ?? "";
        var methodName = test.MethodName ?? test.Name;
        var nameSpace = type?.Namespace ?? "";
        var result = new TestResult
        {
            Uuid = Guid.NewGuid().ToString(),
            // Without arguments: parameters carry them, so excluded ones can keep one history.
            FullName = className.Length > 0 ? $"{className}.{methodName}" : test.FullName,
            Name = methodName,
            Description = FirstProperty(test, "Description"),
        };

        result.Parameters.AddRange(Parameters(test));
        AddLabels(result.Labels, test, type, className, methodName, nameSpace);
        return result;
    }

    private static void AddLabels(List<Label> labels, ITest test, Type? type, string className, string methodName, string nameSpace)
    {
        labels.Add(new("parentSuite", type?.Assembly.GetName().Name ?? "tests"));
        if (nameSpace.Length > 0)
        {
            labels.Add(new("suite", nameSpace));
        }

        labels.Add(new("subSuite", type?.Name ?? className));
        labels.AddRange(AllProperties(test, "Category").Distinct(StringComparer.Ordinal).Select(c => new Label("tag", c)));
        labels.AddRange(AllProperties(test, EpicProperty).Distinct(StringComparer.Ordinal).Select(v => new Label("epic", v)));
        labels.AddRange(AllProperties(test, FeatureProperty).Distinct(StringComparer.Ordinal).Select(v => new Label("feature", v)));
        labels.AddRange(AllProperties(test, StoryProperty).Distinct(StringComparer.Ordinal).Select(v => new Label("story", v)));
        labels.Add(new("severity", FirstProperty(test, SeverityProperty) ?? "normal"));
        if (FirstProperty(test, "Author") is { } author)
        {
            labels.Add(new("owner", author));
        }

        labels.Add(new("host", System.Environment.MachineName));
        labels.Add(new("thread", string.Create(CultureInfo.InvariantCulture, $"{System.Environment.ProcessId}-{System.Environment.CurrentManagedThreadId}")));
        labels.Add(new("framework", "nunit"));
        labels.Add(new("language", "csharp"));
        labels.Add(new("package", nameSpace));
        labels.Add(new("testClass", className));
        labels.Add(new("testMethod", methodName));
    }

    private static IEnumerable<Parameter> Parameters(ITest test)
    {
        var names = test.Method?.GetParameters().Select(p => p.ParameterInfo.Name).ToArray() ?? [];
        for (var i = 0; i < test.Arguments.Length; i++)
        {
            var name = i < names.Length && !string.IsNullOrEmpty(names[i]) ? names[i]! : $"arg{i}";
            yield return new Parameter { Name = name, Value = ParameterFormatter.Format(test.Arguments[i]) };
        }
    }

    /// <summary>Values of a property on the test and on every suite above it (class, namespace, assembly).</summary>
    private static IEnumerable<string> AllProperties(ITest test, string key)
    {
        for (var node = test; node is not null; node = node.Parent)
        {
            if (node.Properties[key] is IList values)
            {
                foreach (var value in values)
                {
                    if (value?.ToString() is { Length: > 0 } text)
                    {
                        yield return text;
                    }
                }
            }
        }
    }

    private static string? FirstProperty(ITest test, string key) => AllProperties(test, key).FirstOrDefault();
}
