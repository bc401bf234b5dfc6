using System.Text;
using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

/// <summary>
/// Errors a user can act on: the line of a tab, the encoding of a file that is not UTF-8, characters
/// that look like the right ones shown as what they are, every empty scope at once, an overlay name
/// that is not a file name.
/// </summary>
[TestFixture]
public sealed class BudgetErrorClarityTests
{
    private string _root = "";

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("budget-clarity-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    private static BudgetValidationException Refused(string yaml) =>
        Assert.Throws<BudgetValidationException>(() => BudgetLoader.Parse(yaml, "clear.yaml"))!;

    private BudgetValidationException RefusedFile(byte[] bytes)
    {
        var path = Path.Combine(_root, "load.yaml");
        File.WriteAllBytes(path, bytes);
        return Assert.Throws<BudgetValidationException>(() => BudgetLoader.Load(path))!;
    }

    private static readonly long[] EmptyScopeLines = [2, 3, 6];
    private static readonly string[] EmptyScopeMessages =
        ["'a' has no thresholds, tiers or steps", "'b' has no thresholds, tiers or steps", "'x' has no thresholds, tiers or steps"];

    private const string Valid = "scenarios:\n  s:\n    thresholds: [ \"p(95) < 1s\" ]\n";

    [Test]
    public void Parse_TabIndentation_ReportedAtTheTabsLineAndNamed()
    {
        var error = Refused("suite: load\nscenarios:\n  s:\n\tthresholds: [ \"p(95) < 1s\" ]\n").Errors.Single();

        Assert.That((error.Location.Line, error.Location.Column), Is.EqualTo((4L, 1L)));
        Assert.That(error.Message, Does.Contain("tab"));
    }

    [TestCase("scenarios: {\n  s: { thresholds: [ \"avg < 1s\" ] }\n")]
    [TestCase("scenarios:\n  s: { thresholds: [ \"avg < 1s\" ]\n")]
    [TestCase("scenarios:\n  s:\n    thresholds: [ \"avg < 1s\"\n")]
    public void Parse_UnclosedBracket_LocatedYamlError(string yaml)
    {
        var error = Refused(yaml).Errors.Single();

        Assert.That(error.Location.Line, Is.GreaterThanOrEqualTo(1));
        Assert.That(error.Message, Does.StartWith("invalid YAML"));
    }

    [Test]
    public void Parse_K6CounterRate_SaysToWriteRps()
    {
        var error = Refused("scenarios:\n  s:\n    thresholds: [ \"rate < 100\" ]\n").Errors.Single();

        Assert.That(error.Message, Does.Contain("write rps, e.g. 'rps < 100'"));
    }

    [TestCase("utf-16LE")]
    [TestCase("utf-16BE")]
    public void Load_Utf16WithoutByteOrderMark_NamesTheEncoding(string encoding)
    {
        var bytes = (encoding == "utf-16LE" ? new UnicodeEncoding(false, false) : new UnicodeEncoding(true, false)).GetBytes(Valid);

        var error = RefusedFile(bytes).Errors.Single();

        Assert.That(error.Message, Does.Contain("UTF-16").And.Contain("save it as UTF-8"));
    }

    [Test]
    public void Load_Latin1_NamesTheEncodingAndTheLine()
    {
        // "description: Größe" in Latin-1 on line 2: 0xF6 and 0xDF are not UTF-8.
        var bytes = Encoding.Latin1.GetBytes("suite: load\ndescription: Gr\u00f6\u00dfe\n" + Valid);

        var error = RefusedFile(bytes).Errors.Single();

        Assert.That(error.Location.Line, Is.EqualTo(2));
        Assert.That(error.Message, Does.Contain("not UTF-8").And.Contain("Latin-1"));
    }

    [Test]
    public void Load_Utf8WithByteOrderMark_Loads()
    {
        var path = Path.Combine(_root, "load.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Valid)]);

        Assert.That(BudgetLoader.Load(path).Scopes, Has.Count.EqualTo(1));
    }

    [TestCase("scen\u0430rios", "\\u0430", "Cyrillic")]   // Cyrillic a
    [TestCase("scenarios\u200B", "\\u200B", "invisible")]  // zero-width space
    [TestCase("sc\u0435narios", "\\u0435", "Cyrillic")]    // Cyrillic e
    public void Parse_LookAlikeInAKey_ShownAsItsCodePoint(string key, string shown, string named)
    {
        var error = Refused($"{key}:\n  s:\n    thresholds: [ \"p(95) < 1s\" ]\n").Errors[0];

        Assert.That(error.ToString(), Does.Contain(shown).And.Contain(named));
    }

    [Test]
    public void Parse_NoBreakSpaceBeforeAUnit_ShownAsItsCodePoint()
    {
        var error = Refused("scenarios:\n  s:\n    thresholds: [ \"p(95) < 1\u00A0s\" ]\n").Errors.Single();

        Assert.That(error.ToString(), Does.Contain("'1\\u00A0s'").And.Contain("U+00A0 no-break space"));
    }

    [Test]
    public void Parse_MicroSignInAUnit_IsNotEscaped()
    {
        Assert.That(BudgetLoader.Parse("scenarios:\n  s:\n    thresholds: [ \"p(95) < 900\u00B5s\" ]\n", "ok.yaml").Scopes, Has.Count.EqualTo(1));
        Assert.That(Refused("scenarios:\n  s:\n    thresholds: [ \"rate < 5\u00B5s\" ]\n").Errors.Single().ToString(), Does.Contain("'\u00B5s'"));
    }

    [Test]
    public void Parse_SeveralEmptyScopes_EveryOneReported()
    {
        var errors = Refused("scenarios:\n  a: {}\n  b: {}\n  c:\n    steps:\n      x: {}\n").Errors;

        Assert.That(errors.Select(e => e.Message), Is.EquivalentTo(EmptyScopeMessages));
        Assert.That(errors.Select(e => e.Location.Line), Is.EquivalentTo(EmptyScopeLines));
    }

    [TestCase("../../etc/passwd")]
    [TestCase("/tmp/x")]
    [TestCase("a/b")]
    [TestCase(".hidden")]
    public void Load_OverlayNameThatIsAPath_RefusedBeforeAnyFileIsRead(string overlay)
    {
        var path = Path.Combine(_root, "load.yaml");
        File.WriteAllText(path, Valid);

        var error = Assert.Throws<ArgumentException>(() => BudgetLoader.Load(path, overlay))!;

        Assert.That(error.Message, Does.Contain("overlay").And.Contain(overlay));
    }

    [Test]
    public void Load_MissingFile_SaysWhichFile()
    {
        var path = Path.Combine(_root, "none.yaml");

        var error = Assert.Throws<FileNotFoundException>(() => BudgetLoader.Load(path))!;

        Assert.That(error.Message, Does.Contain(path));
    }
}
