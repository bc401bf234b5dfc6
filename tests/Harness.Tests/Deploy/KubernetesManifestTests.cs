using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using PerfTests;
using PerfTests.Load.Sharding;

namespace Harness.Tests.Deploy;

/// <summary>
/// deploy/k8s cannot run here (no cluster; kubectl needs an API server even for a client dry run), so the
/// rendered manifests are read strictly into Kubernetes' own typed models (a misspelt field or a wrong
/// type fails), and the fields a sharded run depends on are checked: the pod's env read by our settings
/// reader makes the right shard, and the merge reads what the shards write.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryFiles.Root, "deploy", "k8s");
    private static readonly Type[] Kinds = [typeof(V1PersistentVolumeClaim), typeof(V1Job), typeof(V1Job)];
    private static readonly string[] TargetHost = ["staging.example.com"];
    private static readonly string[] Copied = ["budgets", "runsettings", "tests/PerfTests", "harness/Merge"];

    [Test]
    public void Render_StrictlyTyped_AVolumeAnIndexedShardJobAndAMergeJob()
    {
        var objects = Render("--shards", "4");

        Assert.That(objects.Select(o => o.GetType()), Is.EqualTo(Kinds));
        var volume = (V1PersistentVolumeClaim)objects[0];
        Assert.That(volume.Spec.AccessModes, Does.Contain("ReadWriteMany"), "shard pods on several nodes write to it");
    }

    [Test]
    public void ShardJob_IndexedAllAtOnceNeverRetried_AndBoundedInTime()
    {
        var shards = (V1Job)Render("--shards", "6")[1];
        var spec = shards.Spec;

        Assert.Multiple(() =>
        {
            Assert.That(spec.CompletionMode, Is.EqualTo("Indexed"), "JOB_COMPLETION_INDEX is the shard's index only in an Indexed Job");
            Assert.That((spec.Completions, spec.Parallelism), Is.EqualTo((6, 6)), "every shard at once: their load adds up only in the same seconds");
            Assert.That(spec.BackoffLimit, Is.Zero, "a retried shard starts late; the merge names it missing instead");
            Assert.That(spec.ActiveDeadlineSeconds, Is.InRange(3600, 7200));
            Assert.That(spec.Template.Spec.RestartPolicy, Is.EqualTo("Never"));
        });
    }

    [Test]
    public void ShardPod_ItsEnvironmentReadAsTheTestsReadIt_MakesTheShardOfItsIndex()
    {
        var shards = (V1Job)Render("--shards", "4", "--start-delay", "120")[1];
        var container = shards.Spec.Template.Spec.Containers.Single();
        var env = container.Env.ToDictionary(e => e.Name, e => e.Value);
        env["JOB_COMPLETION_INDEX"] = "2"; // set by Kubernetes in the third pod

        var settings = PerfSettings.Read(_ => null, name => env.GetValueOrDefault(name), userHome: null);

        Assert.Multiple(() =>
        {
            Assert.That(settings.Shard, Is.EqualTo(Shard.Of(2, 4)));
            Assert.That(settings.Shard.Count, Is.EqualTo(shards.Spec.Completions));
            Assert.That(settings.ShardStartAt!.Value - DateTimeOffset.UtcNow, Is.InRange(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(121)));
            Assert.That(settings.TargetUrl, Is.EqualTo(new Uri("http://staging.example.com/")));
            Assert.That(settings.AllowedHosts, Is.EqualTo(TargetHost));
            Assert.That(settings.ShardFolder, Does.StartWith(container.VolumeMounts.Single().MountPath + "/"), "the output goes to the shared volume");
            Assert.That((env["PERF_CATEGORY"], env["PERF_PROFILE"]), Is.EqualTo(("Load", "pr")), "what the image's entry point runs");
        });
    }

    [Test]
    public void MergeJob_ReadsTheShardsFolderOfTheSameVolume_WithTheProfileTheShardsRan()
    {
        var objects = Render("--profile", "nightly");
        var shardPod = ((V1Job)objects[1]).Spec.Template.Spec;
        var mergeJob = (V1Job)objects[2];
        var mergePod = mergeJob.Spec.Template.Spec;
        var args = mergePod.Containers.Single().Args;
        var shardDir = shardPod.Containers.Single().Env.Single(e => e.Name == "PERF_SHARD_DIR").Value;

        Assert.Multiple(() =>
        {
            Assert.That(args[^1], Is.EqualTo(shardDir), "the merge reads the folder the shards write");
            Assert.That(args, Does.Contain("--runsettings").And.Contain("/work/runsettings/nightly.runsettings"));
            Assert.That(args, Does.Contain("--budgets").And.Contain("/work/budgets"));
            Assert.That(mergePod.Volumes.Single().PersistentVolumeClaim.ClaimName, Is.EqualTo(shardPod.Volumes.Single().PersistentVolumeClaim.ClaimName));
            Assert.That((mergeJob.Spec.BackoffLimit, mergePod.RestartPolicy), Is.EqualTo((0, "Never")), "the merge's exit code is the gate: failed, not retried");
        });
    }

    [Test]
    public void Containerfile_MergeIsSelfContainedOnRuntimeDeps_AndCopiesFoldersThatExist()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "Containerfile"));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("AS shard").And.Contain("AS merge"));
            Assert.That(text, Does.Contain("dotnet publish harness/Merge").And.Contain("--self-contained"));
            Assert.That(text, Does.Contain("runtime-deps"));
            Assert.That(text, Does.Contain("ENTRYPOINT [\"/app/perftests-merge\"]"));
            Assert.That(text, Does.Contain("PERF_PROFILE").And.Contain("PERF_CATEGORY"), "the shard's entry point reads what the Job sets");
            foreach (var folder in Copied)
            {
                Assert.That(Directory.Exists(Path.Combine(RepositoryFiles.Root, folder)), Is.True, folder);
            }
        });
    }

    [TestCase("--target-url", "http://x/\"; rm -rf /", "must be an http(s) base URL")]
    [TestCase("--shards", "65", "must be 1 to 64")]
    [TestCase("--shard-image", "img\n  hostNetwork: true", "is not an image reference")]
    [TestCase("--start-delay", "99999", "must be 30 to 3000 seconds")]
    public void Render_HostileValue_RefusedBeforeAnythingIsWritten(string option, string value, string expected)
    {
        var (exit, stdout, stderr) = RunScript([.. Defaults(), option, value]);

        Assert.That((exit, stdout), Is.EqualTo((2, "")));
        Assert.That(stderr, Does.Contain(expected));
    }

    private static List<object> Render(params string[] options)
    {
        var (exit, stdout, stderr) = RunScript([.. Defaults(), .. options]);
        Assert.That(exit, Is.Zero, stderr);
        return [.. KubernetesYaml.LoadAllFromString(stdout, strict: true)];
    }

    private static string[] Defaults() =>
    [
        "--target-url", "http://staging.example.com/", "--allowed-hosts", "staging.example.com",
        "--shard-image", "registry.example.com/perftests-shard:1", "--merge-image", "registry.example.com/perftests-merge:1", "--run-id", "t1",
    ];

    private static (int Exit, string Stdout, string Stderr) RunScript(string[] options)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Folder, "run.sh"), "render", .. options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
