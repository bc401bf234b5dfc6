namespace Integration.Tests.Reports;

/// <summary>What <see cref="ScreenshotCheck.Measure"/> found.</summary>
/// <param name="Width">Pixels, from the PNG header.</param>
/// <param name="Height">Pixels, from the PNG header.</param>
/// <param name="ContentShare">Share (0..1) of pixels that are not the most common colour.</param>
/// <param name="Colours">Distinct colours at 4 bits per channel.</param>
internal sealed record ScreenshotStats(int Width, int Height, double ContentShare, int Colours)
{
    public bool IsBlank => ContentShare < ScreenshotCheck.MinContentShare || Colours < ScreenshotCheck.MinColours;

    public override string ToString() =>
        $"{Width}x{Height} px, {ContentShare:P1} non-background pixels, {Colours} colours";
}
