using System.Diagnostics;
using System.Text;
using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.Context;

/// <summary>Steps, attachments, parameters, labels and metrics of the current test.</summary>
internal sealed partial class AllureLifecycle
{
    // Hidden so failure traces in the report point at the test code, not at the step wrapper.
    [StackTraceHidden]
    public T Step<T>(string name, Func<T> body)
    {
        var previous = _currentStep.Value;
        var frame = OpenStep(name);
        try
        {
            var value = body();
            CloseStep(frame, AllureStatus.Passed, null);
            return value;
        }
        catch (Exception ex)
        {
            CloseStep(frame, ExceptionStatus.Of(ex), ExceptionStatus.Details(ex));
            throw;
        }
        finally
        {
            // Sync code shares the caller's AsyncLocal, so the previous step is restored by hand.
            _currentStep.Value = previous;
        }
    }

    // Hidden so failure traces in the report point at the test code, not at the step wrapper.
    [StackTraceHidden]
    public async Task<T> StepAsync<T>(string name, Func<Task<T>> body)
    {
        // An async method gets its own AsyncLocal copy: the caller's current step is untouched.
        var frame = OpenStep(name);
        try
        {
            var value = await body().ConfigureAwait(false);
            CloseStep(frame, AllureStatus.Passed, null);
            return value;
        }
        catch (Exception ex)
        {
            CloseStep(frame, ExceptionStatus.Of(ex), ExceptionStatus.Details(ex));
            throw;
        }
    }

    /// <summary>Writes the attachment file and links it to the current step, or the test.</summary>
    public bool Attach(string name, ReadOnlySpan<byte> content, string mimeType, string extension)
    {
        var record = Current;
        if (record is null)
        {
            Log($"allure: attachment '{name}' dropped: no recorded test is running");
            return false;
        }

        var attachment = Writer.WriteAttachment(name, content, mimeType, extension);
        if (attachment is null)
        {
            return false;
        }

        lock (record.Sync)
        {
            CurrentItem(record).Attachments.Add(attachment);
        }

        return true;
    }

    public bool Attach(string name, string content, string mimeType, string extension) =>
        Attach(name, Encoding.UTF8.GetBytes(content), mimeType, extension);

    /// <summary>
    /// Puts an attachment before everything else in the test body: a passed step of the same name holding
    /// only it, first among the steps (Allure 3 shows such a step as the attachment itself; test-level
    /// attachments would come after every step).
    /// </summary>
    public bool AttachFirst(string name, ReadOnlySpan<byte> content, string mimeType, string extension)
    {
        var record = Current;
        if (record is null)
        {
            Log($"allure: attachment '{name}' dropped: no recorded test is running");
            return false;
        }

        var attachment = Writer.WriteAttachment(name, content, mimeType, extension);
        if (attachment is null)
        {
            return false;
        }

        lock (record.Sync)
        {
            var step = new AllureStepResult { Name = name, Status = AllureStatus.Passed, Start = record.Result.Start, Stop = NowMs };
            step.Attachments.Add(attachment);
            record.Result.Steps.Insert(0, step);
        }

        return true;
    }

    /// <summary>Adds a parameter to the current step when <paramref name="onStep"/>, else to the test.</summary>
    public bool Parameter(string name, string value, bool excluded, ParameterMode mode, bool onStep = false)
    {
        return Mutate($"parameter '{name}'", record =>
        {
            var item = onStep ? CurrentItem(record) : record.Result;
            item.Parameters.RemoveAll(p => p.Name == name);
            item.Parameters.Add(new Parameter { Name = name, Value = value, Excluded = excluded, Mode = mode });
        });
    }

    public bool Label(string name, string value) =>
        Mutate($"label '{name}'", record => record.Result.Labels.Add(new Label(name, value)));

    public bool Description(string markdown) =>
        Mutate("description", record => record.Result.Description = markdown);

    public bool Link(string name, string url, string? type) =>
        Mutate($"link '{name}'", record => record.Result.Links.Add(new Link(name, url, type)));

    /// <summary>Records a metric for Allure 3's Metrics page; start is the test's start, stop is now.</summary>
    public bool Metric(string key, double value, string? unit, string? better)
    {
        if (!double.IsFinite(value))
        {
            Log($"allure: metric '{key}' dropped: value {value} is not finite");
            return false;
        }

        return Mutate($"metric '{key}'", record => record.Metrics.Add(new PerfMetric
        {
            Id = Guid.NewGuid().ToString(),
            Key = key,
            Value = value,
            Start = record.Result.Start,
            Stop = Math.Max(NowMs, record.Result.Start),
            Unit = unit,
            Better = better,
        }));
    }

    private bool Mutate(string what, Action<TestRecord> change)
    {
        var record = Current;
        if (record is null)
        {
            Log($"allure: {what} dropped: no recorded test is running");
            return false;
        }

        lock (record.Sync)
        {
            change(record);
        }

        return true;
    }

    private ExecutableItem CurrentItem(TestRecord record)
    {
        var frame = _currentStep.Value;
        return frame is not null && ReferenceEquals(frame.Owner, record) ? frame.Step : record.Result;
    }

    /// <summary>Opens a step under the current one; outside a recorded test returns null and runs plainly.</summary>
    private StepFrame? OpenStep(string name)
    {
        var record = Current;
        if (record is null)
        {
            return null;
        }

        var step = new AllureStepResult { Name = name, Start = NowMs };
        var parent = _currentStep.Value;
        if (parent is not null && !ReferenceEquals(parent.Owner, record))
        {
            parent = null;
        }

        lock (record.Sync)
        {
            (parent?.Step ?? (ExecutableItem)record.Result).Steps.Add(step);
        }

        var frame = new StepFrame(step, parent, record);
        _currentStep.Value = frame;
        return frame;
    }

    private void CloseStep(StepFrame? frame, AllureStatus status, StatusDetails? details)
    {
        if (frame is null)
        {
            return;
        }

        lock (frame.Owner.Sync)
        {
            frame.Step.Status = status;
            frame.Step.StatusDetails = details;
            frame.Step.Stop = Math.Max(NowMs, frame.Step.Start);
        }
    }
}
