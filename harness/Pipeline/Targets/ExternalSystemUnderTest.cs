namespace PerfTests;

/// <summary>A system that is already running (for example a staging URL from PERF_TARGET_URL); disposing does nothing.</summary>
public sealed class ExternalSystemUnderTest : ISystemUnderTest
{
    /// <summary>Wraps <paramref name="baseAddress"/> (absolute http/https URL; a trailing "/" is added).</summary>
    public ExternalSystemUnderTest(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The system under test URL must be an absolute http(s) URL, got '{baseAddress}'.", nameof(baseAddress));
        }

        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }

    /// <inheritdoc />
    public Uri BaseAddress { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
