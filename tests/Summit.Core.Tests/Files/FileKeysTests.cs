using Summit.Core.Files;

namespace Summit.Core.Tests.Files;

public sealed class FileKeysTests
{
    [Theory]
    [InlineData("photos/0123abcd-large.jpg")]
    [InlineData("badges/12-0a1b2c3d4e5f6a7b.pdf")]
    [InlineData("programme/cci-fs_2021-v3.pdf")]
    public void Keys_Summit_makes_are_valid(string key) => Assert.True(FileKeys.IsValid(key));

    [Theory]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("photos/../summit.db")]
    [InlineData("photos/.hidden")]
    [InlineData("photos//x.jpg")]
    [InlineData("Photos/X.JPG")]
    [InlineData("photos/x y.jpg")]
    [InlineData("photos\\x.jpg")]
    [InlineData("photos/")]
    public void Anything_else_is_refused(string key)
    {
        Assert.False(FileKeys.IsValid(key));
        Assert.Throws<ArgumentException>(() => FileKeys.Check(key));
    }

    [Fact]
    public void A_prefix_may_end_in_a_slash_or_mid_name_but_not_climb()
    {
        Assert.True(FileKeys.IsValid("badges/", prefix: true));
        Assert.True(FileKeys.IsValid("badges/12-", prefix: true));
        Assert.False(FileKeys.IsValid("badges/../", prefix: true));
        Assert.False(FileKeys.IsValid(new string('a', FileKeys.MaxLength + 1)));
    }
}
