using System.Text;
using PerfTests;

namespace Harness.Tests.Reporting;

/// <summary>What is registered as secret is masked in every form the harness writes it.</summary>
[TestFixture]
public sealed class SecretsTests
{
    [Test]
    public void RegisterUrl_UserInfoAndQueryValues_AreMaskedAsWrittenAndDecoded()
    {
        Secrets.RegisterUrl(new Uri("http://ops-user:p%40ss-w0rd-1@127.0.0.1:8080/api?token=tok-value-1&x=1"));

        Assert.That(Secrets.Scrub("user ops-user, password p@ss-w0rd-1 or p%40ss-w0rd-1, token tok-value-1"),
            Is.EqualTo("user ***, password *** or ***, token ***"));
    }

    [Test]
    public void RegisterSettings_OnlySecretLookingNamesAreMasked()
    {
        Secrets.RegisterSettings(new Dictionary<string, string?>
        {
            ["Payments:ApiKey"] = "key-value-22",
            ["ConnectionStrings:Db"] = "Host=db;Password=db-pass-22",
            ["Cache:Enabled"] = "false-ish-22",
        });

        Assert.That(Secrets.Scrub("key-value-22 | Host=db;Password=db-pass-22 | false-ish-22"), Is.EqualTo("*** | *** | false-ish-22"));
    }

    [Test]
    public void Register_ShortValues_AreIgnored()
    {
        Secrets.Register("abc");

        Assert.That(Secrets.Scrub("abc abcd"), Is.EqualTo("abc abcd"));
    }

    [Test]
    public void ScrubUtf8_JsonEscapedSecretInText_IsMaskedAndBinaryIsLeftAlone()
    {
        Secrets.Register("quote\"d-secret-33");
        var json = Encoding.UTF8.GetBytes("{\"message\":\"quote\\\"d-secret-33\"}");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE, 0x00];

        Assert.That(Encoding.UTF8.GetString(Secrets.ScrubUtf8(json)), Is.EqualTo("{\"message\":\"***\"}"));
        Assert.That(Secrets.ScrubUtf8(png).ToArray(), Is.EqualTo(png));
    }
}
