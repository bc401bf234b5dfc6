using PerfTests;

namespace Harness.Tests.Pipeline;

/// <summary>
/// The machine's settings file (~/.perftests.properties): third after run parameters and environment
/// variables, read with line numbers, bounded, and never a crash on what a user wrote.
/// </summary>
[TestFixture]
public sealed class SettingsFileTests
{
    private DirectoryInfo _home = null!;

    private string FilePath => Path.Combine(_home.FullName, ".perftests.properties");

    [SetUp]
    public void CreateHome() => _home = Directory.CreateTempSubdirectory("perftests-home-");

    [TearDown]
    public void DeleteHome() => _home.Delete(recursive: true);

    private PerfSettings Read(Dictionary<string, string>? parameters = null, Dictionary<string, string>? environment = null) =>
        PerfSettings.Read(n => parameters?.GetValueOrDefault(n), n => environment?.GetValueOrDefault(n), _home.FullName);

    [Test]
    public void Read_FileSetsWhatNothingElseDoes_RunParameterThenVariableWin()
    {
        File.WriteAllText(FilePath, "# set-up wrote this\nBudgetOverlay = pr\nDurationScale=0.5\nReadinessPath=/health\r\nPostgresImage=localhost/pg:15\n");

        var settings = Read(new() { ["DurationScale"] = "2" }, new() { ["PERF_READINESS_PATH"] = "/ready" });

        Assert.Multiple(() =>
        {
            Assert.That(settings.BudgetOverlay, Is.EqualTo("pr"), "only the file sets it");
            Assert.That(settings.DurationScale, Is.EqualTo(2), "a run parameter wins over the file");
            Assert.That(settings.ReadinessPath, Is.EqualTo("/ready"), "a variable wins over the file");
            Assert.That(settings.Custom("PostgresImage", "PERF_POSTGRES_IMAGE"), Is.EqualTo("localhost/pg:15"), "a test's own setting is read from the file too");
            Assert.That(settings.SettingsFilePath, Is.EqualTo(FilePath));
        });
    }

    [Test]
    public void Read_NoFile_NothingFromIt() =>
        Assert.That(Read().SettingsFilePath, Is.Null);

    [Test]
    public void Read_BadValueInTheFile_NamesTheFileLineAndName()
    {
        File.WriteAllText(FilePath, "\n\nDurationScale=fast\n");

        var error = Assert.Throws<PerfSettingsException>(() => Read())!;

        Assert.That(error.Message, Does.Contain($"settings file {FilePath} line 3 ('DurationScale') is 'fast'"));
    }

    [Test]
    public void Read_MalformedAndRepeatedLines_EveryOneListedWithItsLine()
    {
        File.WriteAllText(FilePath, "BudgetOverlay=pr\njust words\n=value\nBudgetOverlay=nightly\n");

        var error = Assert.Throws<PerfSettingsException>(() => Read())!;

        Assert.That(error.Problems, Has.Count.EqualTo(3));
        Assert.That(error.Message, Does.Contain("line 2, column 1: 'just words' is not Name=value")
            .And.Contain("line 3, column 1")
            .And.Contain("line 4, column 1: 'BudgetOverlay' is set again (first on line 1)"));
    }

    [Test]
    public void Read_FileNamedByTheVariableIsMissing_Refused()
    {
        var missing = Path.Combine(_home.FullName, "nope.properties");

        var error = Assert.Throws<PerfSettingsException>(() => Read(environment: new() { ["PERF_SETTINGS_FILE"] = missing }))!;

        Assert.That(error.Message, Does.Contain($"PERF_SETTINGS_FILE is '{missing}'; no such file"));
    }

    [Test]
    public void Read_FileNamedByTheVariable_IsReadInsteadOfTheHomeOne()
    {
        File.WriteAllText(FilePath, "BudgetOverlay=pr\n");
        var other = Path.Combine(_home.FullName, "ci.properties");
        File.WriteAllText(other, "BudgetOverlay=nightly\n");

        Assert.That(Read(environment: new() { ["PERF_SETTINGS_FILE"] = other }).BudgetOverlay, Is.EqualTo("nightly"));
    }

    [Test]
    public void Read_HugeFile_RefusedWithoutReadingIt()
    {
        File.WriteAllText(FilePath, "# " + new string('x', 70_000));

        Assert.That(Assert.Throws<PerfSettingsException>(() => Read())!.Message, Does.Contain("at most 65536 are read"));
    }

    [Test]
    public void Read_NotUtf8_RefusedNamingTheFile()
    {
        File.WriteAllBytes(FilePath, [0x42, 0x3D, 0xC3, 0x28, 0x0A]);

        Assert.That(Assert.Throws<PerfSettingsException>(() => Read())!.Message, Does.Contain(FilePath).And.Contain("cannot be read"));
    }

    [Test]
    public void Read_RandomBytes_EitherSettingsOrTheListedProblemsNeverAnotherException()
    {
        var random = new Random(1234);
        var alphabet = "ab=\n#\r \t.-_:/%Dur\u00e9\0\u2028"u8.ToArray();
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            for (var b = 0; b < bytes.Length; b++)
            {
                bytes[b] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            File.WriteAllBytes(FilePath, bytes);
            try
            {
                Read();
            }
            catch (PerfSettingsException error)
            {
                Assert.That(error.Problems, Is.Not.Empty);
            }
        }
    }
}
