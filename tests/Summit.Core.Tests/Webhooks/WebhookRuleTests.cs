using System.Net;
using Summit.Core.Registrations;
using Summit.Core.Webhooks;

namespace Summit.Core.Tests.Webhooks;

/// <summary>The webhook rules without a database: the signature, the addresses a webhook may go to, the back-off, the event types of a change.</summary>
public sealed class WebhookRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signature_verifies_for_its_body_and_secret_within_five_minutes_only()
    {
        const string secret = "whsec_test";
        const string body = "{\"id\":\"e1\",\"type\":\"registration.created\"}";
        var header = WebhookSignature.Sign(secret, Now, body);

        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.Verify(header, secret, body, Now.AddMinutes(4)));
        Assert.False(WebhookSignature.Verify(header, secret, body + " ", Now));
        Assert.False(WebhookSignature.Verify(header, "whsec_other", body, Now));
        Assert.False(WebhookSignature.Verify(header, secret, body, Now.AddMinutes(6)));
        Assert.False(WebhookSignature.Verify(header.Replace("t=", "t=1", StringComparison.Ordinal), secret, body, Now));
        Assert.False(WebhookSignature.Verify(null, secret, body, Now));
        Assert.False(WebhookSignature.Verify("v1=abc", secret, body, Now));
        // A receiver keeps working while a new secret rolls out: any v1 that matches is enough.
        Assert.True(WebhookSignature.Verify($"{header},v1={new string('0', 64)}", secret, body, Now));
    }

    [Fact]
    public void The_signature_is_the_HMAC_SHA256_of_the_time_a_full_stop_and_the_body_as_the_docs_say()
    {
        var header = WebhookSignature.Sign("s3cret", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), "{}");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("s3cret"u8.ToArray(), "1700000000.{}"u8.ToArray()));

        Assert.Equal($"t=1700000000,v1={expected}", header);
    }

    [Theory]
    [InlineData("https://hooks.example.com/summit", null)]
    [InlineData("https://hooks.example.com:8443/summit?x=1", null)]
    [InlineData("http://hooks.example.com/summit", WebhookAddresses.Reasons.Https)]
    [InlineData("ftp://hooks.example.com/summit", WebhookAddresses.Reasons.Url)]
    [InlineData("hooks.example.com/summit", WebhookAddresses.Reasons.Url)]
    [InlineData("", WebhookAddresses.Reasons.Url)]
    [InlineData("https://user:pass@hooks.example.com/", WebhookAddresses.Reasons.Credentials)]
    [InlineData("https://127.0.0.1/hook", WebhookAddresses.Reasons.Internal)]
    [InlineData("https://10.1.2.3/hook", WebhookAddresses.Reasons.Internal)]
    [InlineData("https://169.254.169.254/latest/meta-data", WebhookAddresses.Reasons.Internal)]
    [InlineData("https://[::1]/hook", WebhookAddresses.Reasons.Internal)]
    [InlineData("https://[fd00::1]/hook", WebhookAddresses.Reasons.Internal)]
    [InlineData("https://localhost/hook", WebhookAddresses.Reasons.Internal)]
    [InlineData("https://gates.localhost/hook", WebhookAddresses.Reasons.Internal)]
    [InlineData("http://gates.internal:8080/hook", null)]
    [InlineData("https://192.168.10.5/hook", null)]
    public void A_receiver_address_is_https_without_credentials_and_outside_the_servers_networks_unless_allowed(string url, string? refusal)
    {
        var options = new WebhookOptions();
        options.AllowedInternalHosts.Add("gates.internal");
        options.AllowedInternalHosts.Add("192.168.10.5");

        Assert.Equal(refusal, WebhookAddresses.Check(url, options, out var parsed));
        Assert.Equal(refusal is null, parsed is not null);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("64:ff9b::a00:1", true)]
    [InlineData("64:ff9b::808:808", false)]
    [InlineData("2002:7f00:1::", true)]
    [InlineData("2002:808:808::", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("203.0.114.1", false)]
    [InlineData("2606:4700::1111", false)]
    public void Loopback_private_link_local_and_carrier_NAT_addresses_are_internal(string address, bool internalAddress) =>
        Assert.Equal(internalAddress, WebhookAddresses.IsInternal(IPAddress.Parse(address)));

    [Fact]
    public void Retries_wait_four_times_longer_each_time_up_to_four_hours()
    {
        var options = new WebhookOptions();

        Assert.Equal(
            [TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(64), TimeSpan.FromMinutes(240), TimeSpan.FromHours(4)],
            Enumerable.Range(1, 7).Select(options.RetryDelayAfter));
    }

    [Theory]
    [InlineData(null, RegistrationStatus.Confirmed, "registration.created registration.confirmed")]
    [InlineData(null, RegistrationStatus.Waitlisted, "registration.created registration.waitlisted")]
    [InlineData(null, RegistrationStatus.PendingApproval, "registration.created")]
    [InlineData(RegistrationStatus.PendingApproval, RegistrationStatus.Confirmed, "registration.confirmed")]
    [InlineData(RegistrationStatus.Waitlisted, RegistrationStatus.Confirmed, "registration.confirmed")]
    [InlineData(RegistrationStatus.Confirmed, RegistrationStatus.Cancelled, "registration.cancelled")]
    [InlineData(RegistrationStatus.PendingApproval, RegistrationStatus.Declined, "registration.cancelled")]
    [InlineData(RegistrationStatus.Cancelled, RegistrationStatus.PendingApproval, "registration.changed")]
    public void A_status_change_is_the_event_types_a_receiver_expects(RegistrationStatus? from, RegistrationStatus to, string types) =>
        Assert.Equal(types, string.Join(' ', WebhookEvents.TypesOf(new RegistrationChanged(1, from, to))));
}
