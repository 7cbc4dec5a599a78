namespace Summit.Web.Scheduling;

/// <summary>
/// A page that is the same for every signed-in visitor (decision 0020): it renders nothing of the person (no stars,
/// no role links, no antiforgery token), so one cached copy serves them all, and <c>/js/personal.js</c> adds the
/// person's state from <c>/my/state.json</c>. Its forms work without script too: a star is a link to a page that
/// asks, with the person's own token.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class PersonalByScriptAttribute : Attribute;
