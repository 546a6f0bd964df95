using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace SecureServices.Analyzers.Catalog
{
    /// <summary>The sections of "Secure Containers and Microservices" that rules may cite.</summary>
    internal static class GuidanceSections
    {
        public static readonly IReadOnlyDictionary<string, string> Titles = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>
        {
            ["4.2"] = "Image Builds",
            ["4.3"] = "Container Deployment Security",
            ["5.1"] = "Securing Platform — Access Control and Policy Enforcement",
            ["5.2"] = "Securing Container Runtime",
            ["5.3"] = "Securing Traffic",
            ["5.4"] = "Secure Coding Practices",
            ["5.5"] = "Architecting Your Application for Cloud",
            ["5.6"] = "Securing Container Images",
            ["5.7"] = "Observability",
            ["5.8"] = "Secrets Management",
        });

        /// <summary>"§5.8 Secrets Management" for a section number.</summary>
        public static string Describe(string section)
            => Titles.TryGetValue(section, out var title) ? "§" + section + " " + title : "§" + section;
    }
}
