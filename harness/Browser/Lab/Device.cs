using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>The browser context of a form factor: viewport, device scale, touch and user agent as Lighthouse emulates them.</summary>
internal static class Device
{
    public static BrowserNewContextOptions ContextOptions(FormFactor formFactor, WebVitalsOptions options, string browserVersion) => formFactor switch
    {
        // Lighthouse's mobile screen (a moto g power) and its Android user agent, so servers and CSS see a phone.
        FormFactor.Mobile => new()
        {
            ViewportSize = new() { Width = 412, Height = 823 },
            DeviceScaleFactor = 1.75f,
            IsMobile = true,
            HasTouch = true,
            UserAgent = $"Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{browserVersion} Mobile Safari/537.36",
        },
        _ => new()
        {
            ViewportSize = new() { Width = options.ViewportWidth, Height = options.ViewportHeight },
            DeviceScaleFactor = 1,
        },
    };
}
