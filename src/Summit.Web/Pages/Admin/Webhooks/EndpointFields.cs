namespace Summit.Web.Pages.Admin.Webhooks;

/// <summary>What the endpoint form shows (new or existing).</summary>
public sealed record EndpointFields(string? Url, string? Description, IReadOnlyCollection<string> EventTypes);
