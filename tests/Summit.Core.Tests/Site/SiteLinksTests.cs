using Microsoft.Extensions.Options;
using Summit.Core.Site;

namespace Summit.Core.Tests.Site;

public sealed class SiteLinksTests
{
    private static readonly SiteLinks Links = new(Options.Create(new SiteLinks.Settings { PublicUrl = new Uri("https://summit.example/") }));

    [Theory]
    [InlineData("/speaker-invitation/abc", "/speaker-invitation/abc")]
    [InlineData("/my/agenda?edition=2021", "/my/agenda?edition=2021")]
    [InlineData("/", "/")]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("speaker-invitation/abc", null)]
    [InlineData("/x\r\nSet-Cookie: a=b", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_return_path_is_kept_only_when_it_stays_on_this_site(string? given, string? kept) =>
        Assert.Equal(kept, SiteLinks.ReturnPath(given));

    [Fact]
    public void The_confirmation_and_sign_in_links_carry_the_return_path_escaped_and_drop_a_foreign_one()
    {
        Assert.Equal(
            "https://summit.example/account/confirm-email?userId=u1&code=c2&returnUrl=%2Fspeaker-invitation%2Fa%3Fb%3D1",
            Links.ConfirmEmail("u1", "c2", "/speaker-invitation/a?b=1").AbsoluteUri);
        Assert.Equal("https://summit.example/account/confirm-email?userId=u1&code=c2", Links.ConfirmEmail("u1", "c2", "//evil.example").AbsoluteUri);
        Assert.Equal("https://summit.example/account/login?returnUrl=%2Fmy%2Fagenda", Links.SignIn("/my/agenda").AbsoluteUri);
        Assert.Equal("https://summit.example/account/login", Links.SignIn("/").AbsoluteUri);
        Assert.Equal("https://summit.example/account/login", Links.SignIn().AbsoluteUri);
    }
}
