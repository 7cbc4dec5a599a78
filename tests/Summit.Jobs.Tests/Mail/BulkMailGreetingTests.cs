using Summit.Jobs.Mail;

namespace Summit.Jobs.Tests.Mail;

/// <summary>An organizer's text that opens with its own salutation gets no second one (issue 18).</summary>
public sealed class BulkMailGreetingTests
{
    private static readonly Uri Link = new("https://summit.test/registration/abc");

    [Theory]
    [InlineData("Dear {{ name }},")]
    [InlineData("dear all")]
    [InlineData("Hello everyone!")]
    [InlineData("Hi {{ name }},")]
    [InlineData("Good morning,")]
    [InlineData("尊敬的{{ name }}：")]
    [InlineData("{{ name }}，您好：")]
    [InlineData("各位嘉宾：")]
    [InlineData("大家好！")]
    public void A_salutation_is_recognised(string paragraph) => Assert.True(BulkMails.IsGreeting(paragraph));

    [Theory]
    [InlineData("The summit opens at nine on Friday.")]
    [InlineData("Hiking tours leave from the hotel lobby at seven.")]
    [InlineData("峰会将于周五上午九点开幕。")]
    [InlineData("Dear delegates, the summit opens at nine on Friday and the doors of the Yuelai International Convention Center open at eight.")]
    [InlineData("")]
    public void Other_openings_are_not(string paragraph) => Assert.False(BulkMails.IsGreeting(paragraph));

    [Fact]
    public void A_text_with_its_own_salutation_is_greeted_once_in_each_language()
    {
        var english = BulkMails.For("Doors at eight", "八点开门", "Dear {{ name }},\n\nDoors open at eight.", "{{ name }}，您好：\n\n八点开门。", ("wang@summit.test", "Wang Fang", "en"), "CCI-FS 2021", "Delegate", Link);
        var chinese = BulkMails.For("Doors at eight", "八点开门", "Dear {{ name }},\n\nDoors open at eight.", "{{ name }}，您好：\n\n八点开门。", ("wang@summit.test", "王芳", "zh-Hans"), "CCI-FS 2021", "Delegate", Link);

        Assert.Equal(1, Count(english.TextBody, "Dear Wang Fang,"));
        Assert.StartsWith("Dear Wang Fang,\n\nDoors open at eight.", english.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, Count(english.HtmlBody, "Dear Wang Fang,"));
        Assert.Equal(1, Count(chinese.TextBody, "您好"));
        Assert.StartsWith("王芳，您好：\n\n八点开门。", chinese.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_without_one_gets_the_house_salutation()
    {
        var draft = BulkMails.For("Doors at eight", "八点开门", "Doors open at eight.", "八点开门。", ("wang@summit.test", "Wang Fang", "en"), "CCI-FS 2021", "Delegate", Link);

        Assert.StartsWith("Dear Wang Fang,\n\nDoors open at eight.", draft.TextBody, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
