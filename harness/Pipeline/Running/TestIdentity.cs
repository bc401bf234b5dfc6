using NUnit.Framework;

namespace PerfTests;

/// <summary>Which test a run belongs to: names its saved summary (&lt;Fixture&gt;.&lt;Test&gt;.json) and its report section.</summary>
/// <param name="ClassName">Full name of the fixture class, or null outside a fixture.</param>
/// <param name="Name">The test's name (method name with its arguments).</param>
/// <param name="FullName">Full name for report headings.</param>
/// <param name="WorkDirectory">NUnit's work directory (the default folder of saved summaries).</param>
public sealed record TestIdentity(string? ClassName, string Name, string FullName, string WorkDirectory)
{
    /// <summary>The NUnit test running on this flow (read once, at the front door).</summary>
    public static TestIdentity Current
    {
        get
        {
            var context = TestContext.CurrentContext;
            return new TestIdentity(context.Test.ClassName, context.Test.Name, context.Test.FullName, context.WorkDirectory);
        }
    }
}
