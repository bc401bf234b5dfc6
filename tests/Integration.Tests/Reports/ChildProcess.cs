using System.Diagnostics;
using System.Text;

namespace Integration.Tests.Reports;

/// <summary>What a child process did: its exit code (null when it was killed at the time limit) and its interleaved stdout and stderr.</summary>
internal sealed record ChildProcessResult(int? ExitCode, string Output)
{
    public bool TimedOut => ExitCode is null;
}

/// <summary>Runs a command with its output captured and a hard time limit, after which the whole process tree is killed.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> (its output is redirected here) and waits up to <paramref name="timeout"/>
    /// or until <paramref name="cancellationToken"/> fires; either kills the process and its children.
    /// </summary>
    public static async Task<ChildProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // A dotnet test child has a testhost (and its containers' clients) below it: kill them all.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new ChildProcessResult(null, Text(log));
        }

        // The parameterless wait also drains the redirected output.
        await process.WaitForExitAsync(CancellationToken.None);
        return new ChildProcessResult(process.ExitCode, Text(log));
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string Text(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }
}
