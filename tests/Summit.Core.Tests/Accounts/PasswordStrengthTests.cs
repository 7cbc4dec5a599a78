using Summit.Core.Accounts;

namespace Summit.Core.Tests.Accounts;

public sealed class PasswordStrengthTests
{
    [Theory]
    [InlineData("password1234", PasswordWeakness.CommonPassword)]
    [InlineData("qwertyuiop12", PasswordWeakness.CommonPassword)]
    [InlineData("chongqing2021", PasswordWeakness.PersonalOrSummit)]
    [InlineData("zenggang-summit", PasswordWeakness.PersonalOrSummit)]
    [InlineData("aaaaaaaaaaaaaaaa", PasswordWeakness.Repetition)]
    [InlineData("abcdefghijklmn", PasswordWeakness.Sequence)]
    public void Guessable_passwords_are_refused_with_the_reason(string password, PasswordWeakness expected) =>
        Assert.Equal(expected, PasswordStrength.Weakness(password, ["Zeng Gang", "zeng.gang@cci-fs.example"]));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("violet kettle orbit lantern")]
    [InlineData("长江边的火锅店永远排队")]
    [InlineData("Tr0ub4dour&3-river-mosaic")]
    public void Passwords_that_are_hard_to_guess_are_accepted(string password) =>
        Assert.Null(PasswordStrength.Weakness(password, ["Zeng Gang", "zeng.gang@cci-fs.example"]));

    [Fact]
    public void The_persons_name_and_address_are_split_into_words_with_the_summits_own()
    {
        var words = PasswordStrength.ContextWords(["Li Minghua", "minghua.li@bank.example", null]);
        Assert.Contains("minghua", words);
        Assert.Contains("bank", words);
        Assert.Contains("minghua.li@bank.example", words);
        Assert.Contains("chongqing", words);
        Assert.DoesNotContain("li", words);
    }

    [Fact]
    public void Every_weakness_has_its_own_reason()
    {
        var reasons = Enum.GetValues<PasswordWeakness>().Select(PasswordStrength.Reasons.For).ToList();
        Assert.Equal(reasons.Count, reasons.Distinct().Count());
    }
}
