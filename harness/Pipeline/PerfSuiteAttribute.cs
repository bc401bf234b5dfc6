using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace PerfTests;

/// <summary>
/// Marks a fixture as a performance suite in one line: its NUnit category (selected with
/// <c>dotnet test --filter Category=Load</c>) and its place in the Allure report (epic "Performance",
/// feature = the category unless named). <c>[PerfSuite(PerfCategories.Load)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PerfSuiteAttribute(string category) : NUnitAttribute, IApplyToTest
{
    /// <summary>The NUnit category, one of <see cref="PerfCategories"/>.</summary>
    public string Category { get; } = category;

    /// <summary>The Allure feature; default the category.</summary>
    public string? Feature { get; init; }

    /// <inheritdoc />
    public void ApplyToTest(Test test)
    {
        ArgumentNullException.ThrowIfNull(test);
        test.Properties.Add(PropertyNames.Category, Category);
        // The property names the Allure writer maps to labels (as [Epic] and [Feature] set them).
        test.Properties.Add("Epic", "Performance");
        test.Properties.Add("Feature", Feature ?? Category);
    }
}
