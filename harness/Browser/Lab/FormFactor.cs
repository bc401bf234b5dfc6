namespace PerfTests.Browser;

/// <summary>
/// The device class a page is measured as. Lighthouse scores each with its own curves, because
/// a phone on a slow network is held to looser times than a desktop.
/// </summary>
public enum FormFactor
{
    /// <summary>Lighthouse's desktop: a 1350x940 CSS-pixel viewport at device pixel ratio 1, no touch.</summary>
    Desktop,

    /// <summary>Lighthouse's mobile, a moto g power: a 412x823 CSS-pixel viewport at device pixel ratio 1.75, with touch.</summary>
    Mobile,
}
