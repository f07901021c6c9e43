using System.Text.RegularExpressions;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Tests.Support;

namespace Omstilling.Sip.Tests.Registrar;

public sealed partial class RegistrarTests
{
    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Sha256)]
    public async Task Register_is_challenged_then_bound_with_either_algorithm(DigestAlgorithm algorithm)
    {
        await using var f = await RegistrarFixture.StartAsync();

        var response = f.Register("2001", "demo2001", pick: algorithm);

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(f.Registrar.Bindings.Lookup("2001"));
        Assert.Equal(StackPair.ClientAddress, binding.Source.EndPoint);
        Assert.Contains("expires=3600", response.Header(HeaderName.Contact), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_offers_md5_and_sha256_with_qop_auth()
    {
        await using var f = await RegistrarFixture.StartAsync();

        var challenge = f.Send(RegistrarFixture.NewRegister("2001", 1, "c1"));

        Assert.Equal(401, challenge.StatusCode);
        var offered = challenge.Headers.GetAll(HeaderName.WwwAuthenticate).ToList().Select(h => DigestChallenge.TryParse(h.Value)!).ToList();
        Assert.Equal([DigestAlgorithm.Md5, DigestAlgorithm.Sha256], offered.Select(c => c.Algorithm));
        Assert.All(offered, c => Assert.True(c.QopAuth));
        Assert.All(offered, c => Assert.Equal("omstilling", c.Realm));
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_indistinguishable_answers()
    {
        await using var f = await RegistrarFixture.StartAsync();

        var wrongPassword = f.Register("2001", "guess");
        var unknownUser = f.Register("9999", "guess");

        Assert.Equal(401, wrongPassword.StatusCode);
        Assert.Equal(Normalize(wrongPassword, "2001"), Normalize(unknownUser, "9999"));
        Assert.Empty(f.Registrar.Bindings.Lookup("2001"));
    }

    [Fact]
    public async Task Replayed_nonce_count_is_refused()
    {
        await using var f = await RegistrarFixture.StartAsync();
        var challenge = DigestChallenge.TryParse(f.Send(RegistrarFixture.NewRegister("2001", 1, "c1")).Header(HeaderName.WwwAuthenticate)!)!;
        var signed = RegistrarFixture.NewRegister("2001", 2, "c1");
        signed.Headers.Add(HeaderName.Authorization, new DigestClient("2001", "demo2001").Answer(challenge, "REGISTER", signed.RequestUri.ToString()));
        var replay = RegistrarFixture.NewRegister("2001", 3, "c1");
        replay.Headers.Add(signed.Headers[signed.Headers.IndexOf(HeaderName.Authorization)]);

        Assert.Equal(200, f.Send(signed).StatusCode);
        Assert.Equal(401, f.Send(replay).StatusCode);
    }

    [Fact]
    public async Task Expired_nonce_with_the_right_password_is_stale()
    {
        await using var f = await RegistrarFixture.StartAsync();
        var challenge = DigestChallenge.TryParse(f.Send(RegistrarFixture.NewRegister("2001", 1, "c1")).Header(HeaderName.WwwAuthenticate)!)!;
        f.Pair.Advance(TimeSpan.FromMinutes(3));
        var late = RegistrarFixture.NewRegister("2001", 2, "c1");
        late.Headers.Add(HeaderName.Authorization, new DigestClient("2001", "demo2001").Answer(challenge, "REGISTER", late.RequestUri.ToString()));

        var response = f.Send(late);

        Assert.Equal(401, response.StatusCode);
        Assert.Contains("stale=true", response.Header(HeaderName.WwwAuthenticate), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_of_one_account_cannot_register_another()
    {
        await using var f = await RegistrarFixture.StartAsync();
        var challenge = DigestChallenge.TryParse(f.Send(RegistrarFixture.NewRegister("2002", 1, "c1")).Header(HeaderName.WwwAuthenticate)!)!;
        var register = RegistrarFixture.NewRegister("2002", 2, "c1");
        register.Headers.Add(HeaderName.Authorization, new DigestClient("2001", "demo2001").Answer(challenge, "REGISTER", register.RequestUri.ToString()));

        Assert.Equal(403, f.Send(register).StatusCode);
    }

    [Fact]
    public async Task Several_contacts_per_account_expire_and_can_be_removed()
    {
        await using var f = await RegistrarFixture.StartAsync();

        Assert.Equal(200, f.Register("2001", "demo2001", "<sip:2001@192.0.2.1:5060>", expires: 600).StatusCode);
        Assert.Equal(200, f.Register("2001", "demo2001", "<sip:2001@192.0.2.1:5062>;expires=120").StatusCode);
        Assert.Equal(2, f.Registrar.Bindings.Lookup("2001").Count);

        f.Pair.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(5060, Assert.Single(f.Registrar.Bindings.Lookup("2001")).Contact.Port);

        Assert.Equal(200, f.Register("2001", "demo2001", "<sip:2001@192.0.2.1:5060>", expires: 0).StatusCode);
        Assert.Empty(f.Registrar.Bindings.Lookup("2001"));
    }

    [Fact]
    public async Task Wildcard_contact_with_expires_zero_removes_all_bindings()
    {
        await using var f = await RegistrarFixture.StartAsync();
        f.Register("2001", "demo2001", "<sip:2001@192.0.2.1:5060>");
        f.Register("2001", "demo2001", "<sip:2001@192.0.2.1:5062>");

        var response = f.Register("2001", "demo2001", "*", expires: 0);

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.Headers.Contains(HeaderName.Contact));
        Assert.Empty(f.Registrar.Bindings.Lookup("2001"));
        Assert.Equal(400, f.Register("2001", "demo2001", "*", expires: 60).StatusCode);
    }

    [Fact]
    public async Task Too_brief_interval_is_423_with_min_expires_and_long_ones_are_capped()
    {
        await using var f = await RegistrarFixture.StartAsync();

        var brief = f.Register("2001", "demo2001", expires: 10);
        var capped = f.Register("2001", "demo2001", expires: 86400);

        Assert.Equal(423, brief.StatusCode);
        Assert.Equal("60", brief.Header(HeaderName.MinExpires));
        Assert.Contains("expires=3600", capped.Header(HeaderName.Contact), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swept_bindings_leave_the_store()
    {
        await using var f = await RegistrarFixture.StartAsync();
        f.Register("2001", "demo2001", expires: 60);
        Assert.Equal(1, f.Registrar.Bindings.Count);

        f.Pair.Advance(TimeSpan.FromSeconds(95));

        Assert.Equal(0, f.Registrar.Bindings.Count);
    }

    /// <summary>The response with its fresh nonces, tags and the username blanked.</summary>
    private static string Normalize(SipResponse response, string user)
    {
        var text = System.Text.Encoding.UTF8.GetString(Serialization.SipMessageWriter.ToBytes(response));
        text = NonceRegex().Replace(text, "nonce=\"N\"");
        text = TagRegex().Replace(text, "tag=T");
        text = CallIdRegex().Replace(text, "Call-ID: C");
        text = BranchRegex().Replace(text, "branch=B");
        return text.Replace($"sip:{user}@", "sip:U@", StringComparison.Ordinal);
    }

    [GeneratedRegex("nonce=\"[0-9a-f]+\"")]
    private static partial Regex NonceRegex();

    [GeneratedRegex("tag=[0-9a-z]+")]
    private static partial Regex TagRegex();

    [GeneratedRegex("Call-ID: [^\\r]+")]
    private static partial Regex CallIdRegex();

    [GeneratedRegex("branch=[0-9A-Za-z]+")]
    private static partial Regex BranchRegex();
}
