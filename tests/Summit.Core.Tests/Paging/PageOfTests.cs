using Summit.Core.Paging;

namespace Summit.Core.Tests.Paging;

public class PageOfTests
{
    [Theory]
    [InlineData(0, 100, 1)]
    [InlineData(1, 100, 1)]
    [InlineData(100, 100, 1)]
    [InlineData(101, 100, 2)]
    [InlineData(20_000, 100, 200)]
    [InlineData(20_001, 100, 201)]
    [InlineData(int.MaxValue, 1, int.MaxValue)]
    public void A_list_has_as_many_pages_as_it_takes_and_one_when_empty(int total, int size, int pages) =>
        Assert.Equal(pages, Pages.Count(total, size));

    [Theory]
    [InlineData(null, 250, 1)]
    [InlineData(0, 250, 1)]
    [InlineData(-5, 250, 1)]
    [InlineData(2, 250, 2)]
    [InlineData(3, 250, 3)]
    [InlineData(4, 250, 3)]
    [InlineData(10_000, 250, 3)]
    [InlineData(7, 0, 1)]
    public void A_page_asked_outside_the_list_is_its_first_or_last(int? asked, int total, int shown) =>
        Assert.Equal(shown, Pages.Clamp(asked, total, 100));

    [Fact]
    public void The_last_page_says_which_rows_it_shows_and_that_none_follow()
    {
        var page = new PageOf<int>([.. Enumerable.Range(0, 50)], 3, 100, 250);
        Assert.Equal((201, 250), page.Shown);
        Assert.True(page.HasPrevious);
        Assert.False(page.HasNext);
        Assert.Equal(3, page.Count);
    }

    [Fact]
    public void An_empty_list_is_one_page_that_shows_nothing()
    {
        var page = new PageOf<int>([], 1, 100, 0);
        Assert.Equal((0, 0), page.Shown);
        Assert.False(page.HasPrevious);
        Assert.False(page.HasNext);
    }

    [Fact]
    public void A_page_size_of_zero_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Pages.Count(10, 0));
}
