using Microsoft.Extensions.Time.Testing;
using PerfTests.SampleSystem.Auth;
using PerfTests.SampleSystem.Configuration;

namespace Integration.Tests.SampleSystem;

/// <summary>
/// SampleSystem:TokenSigningKey: instances sharing it accept each other's bearer tokens (sessions
/// survive a failover); without it each process has its own random key.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class TokenSigningKeyTests
{
    private const string SharedKey = "c2Vzc2lvbi1jb250aW51aXR5LXRlc3Qta2V5LTMyYg==";
    private SampleSystemHost _issuer = null!;
    private SampleSystemHost _sameKey = null!;
    private SampleSystemHost _randomKey = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Three instances on one schema, as behind a balancer; only the first seeds (seeding truncates).
        var name = SampleSystemTestEnvironment.NewIsolationName();
        var keyed = new Dictionary<string, string?> { ["SampleSystem:TokenSigningKey"] = SharedKey };
        _issuer = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, overrides: keyed), seedClients: 20);
        _sameKey = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, overrides: keyed), seedClients: 0);
        _randomKey = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name), seedClients: 0);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _randomKey.DisposeAsync();
        await _sameKey.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Test]
    public async Task AuthMe_TokenFromInstanceWithSameKey_IsAccepted()
    {
        var token = await LoginAsync(_issuer);

        var (status, me) = await _sameKey.SendAsync(HttpMethod.Get, "/api/auth/me", bearer: token);

        Assert.That(status, Is.EqualTo(200));
        Assert.That(me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()), Does.Contain(Permissions.AdminManage));
    }

    [Test]
    public async Task AuthMe_TokenFromInstanceWithOtherKey_Is401()
    {
        var token = await LoginAsync(_issuer);

        var (status, _) = await _randomKey.SendAsync(HttpMethod.Get, "/api/auth/me", bearer: token);
        var (withoutToken, _) = await _issuer.SendAsync(HttpMethod.Get, "/api/auth/me");

        Assert.That(status, Is.EqualTo(401));
        Assert.That(withoutToken, Is.EqualTo(401));
    }

    [Test]
    public async Task AdminUsers_TokenFromInstanceWithSameKey_IsAuthorised()
    {
        var token = await LoginAsync(_issuer);

        var (status, _) = await _sameKey.SendAsync(HttpMethod.Post, "/api/admin/users", new { username = "keyed-" + Guid.NewGuid().ToString("N")[..6], password = "password1" }, token);

        Assert.That(status, Is.EqualTo(201));
    }

    [Test]
    public void KeyBytes_Base64PlainOrUnset_DecodesAsDocumented()
    {
        Assert.That(TokenService.KeyBytes(SharedKey), Is.EqualTo(Convert.FromBase64String(SharedKey)));
        Assert.That(TokenService.KeyBytes("not base64: plain"), Is.EqualTo("not base64: plain"u8.ToArray()));
        var (firstRandom, secondRandom) = (TokenService.KeyBytes(null), TokenService.KeyBytes(""));
        Assert.That(firstRandom, Is.Not.EqualTo(secondRandom), "unset = random per process");
        Assert.That(firstRandom, Has.Length.EqualTo(32));
    }

    [Test]
    public void Validate_SameConfiguredKey_AcceptsOtherServicesToken_DifferentKeyRejects()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var issuer = new TokenService(time, new SampleSystemOptions { TokenSigningKey = "shared-plain-key" });
        var (token, _) = issuer.Issue(42, ["clients.read"]);

        var same = new TokenService(time, new SampleSystemOptions { TokenSigningKey = "shared-plain-key" }).ValidateBearer("Bearer " + token);
        var other = new TokenService(time, new SampleSystemOptions()).ValidateBearer("Bearer " + token);

        Assert.That(same?.UserId, Is.EqualTo(42));
        Assert.That(other, Is.Null);
    }

    private static async Task<string> LoginAsync(SampleSystemHost host)
    {
        var (status, login) = await host.SendAsync(HttpMethod.Post, "/api/auth/login", new { username = "admin", password = "perf-admin" });
        Assert.That(status, Is.EqualTo(200), "login as the seeded admin");
        return login.GetProperty("token").GetString()!;
    }
}
