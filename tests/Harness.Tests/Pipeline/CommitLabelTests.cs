using System.Diagnostics;
using PerfTests;

namespace Harness.Tests.Pipeline;

/// <summary>The commit label is a nicety: it never holds a run up, whatever git does.</summary>
[TestFixture]
public sealed class CommitLabelTests
{
    [Test]
    public void Read_GithubShaSet_UsesIt() =>
        Assert.That(CommitLabel.Read(name => name == "GITHUB_SHA" ? " abc123 " : null, "."), Is.EqualTo("abc123"));

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the hanging git is a shell script
    public void Read_GitHangs_GivesUpAfterItsLimitWithNoLabel()
    {
        var folder = Directory.CreateTempSubdirectory("perf-git-").FullName;
        var git = Path.Combine(folder, "git");
        // A git that prints a little and then never ends (a credential prompt, a locked repository).
        File.WriteAllText(git, "#!/bin/sh\necho partial\nexec sleep 60\n");
        File.SetUnixFileMode(git, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var watch = Stopwatch.StartNew();

        var label = CommitLabel.Read(_ => null, folder, git);

        Assert.That(label, Is.Null);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "bounded by the 5 s limit, not by git");
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void Read_NoGit_NoLabel() =>
        Assert.That(CommitLabel.Read(_ => null, ".", "/nonexistent/git"), Is.Null);
}
