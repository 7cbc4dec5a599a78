using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Summit.Core.Text;

namespace Summit.Web.Localization;

/// <summary>
/// The resource localizers, with every string looked up once per culture and kept. A <see cref="System.Resources.ResourceManager"/>
/// lookup takes two locks and walks the culture's fallbacks every time; a programme page asks for a few hundred
/// labels, and requests on every core queue behind those locks (issue 22, item 3). The resources do not change while
/// the process runs, so what a lookup found is what it will find. Only the names the resources hold are kept.
/// </summary>
public sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type?, string?, string?), IStringLocalizer> localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        localizers.GetOrAdd((resourceSource, null, null), key => new CachingStringLocalizer(inner.Create(key.Item1!)));

    public IStringLocalizer Create(string baseName, string location) =>
        localizers.GetOrAdd((null, baseName, location), key => new CachingStringLocalizer(inner.Create(key.Item2!, key.Item3!)));

    internal sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();
        private readonly Lazy<HashSet<string>> known = new(() => KnownNames(inner));

        /// <summary>How many strings are kept, over every culture.</summary>
        internal int Kept => found.Count;

        public LocalizedString this[string name]
        {
            get
            {
                ArgumentNullException.ThrowIfNull(name);
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (found.TryGetValue(key, out var value))
                {
                    return value;
                }

                // Only the names the resources hold are kept (in English they are the text itself, "not found" in a
                // resource): a message that already carries what someone typed must not grow the dictionary.
                value = inner[name];
                return known.Value.Contains(name) ? found.GetOrAdd(key, value) : value;
            }
        }

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var template = this[name];
                // As ResourceManagerStringLocalizer formats: the template in the current culture.
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound, template.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        /// <summary>Every name in the resources of a language the site speaks.</summary>
        private static HashSet<string> KnownNames(IStringLocalizer inner)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var before = CultureInfo.CurrentUICulture;
            try
            {
                foreach (var culture in Cultures.Supported)
                {
                    CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                    try
                    {
                        names.UnionWith(inner.GetAllStrings(includeParentCultures: false).Select(s => s.Name));
                    }
                    catch (System.Resources.MissingManifestResourceException)
                    {
                        // No resources of this language (English is the names themselves).
                    }
                }
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }

            return names;
        }
    }
}
