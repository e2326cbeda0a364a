using System.Reflection;
using System.Xml.Linq;

namespace CiteWeb.Core.Tests.Architecture;

/// <summary>Core is the inner layer: it references no other CiteWeb assembly and no package (DESIGN.md).</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Core_references_only_the_framework()
    {
        var core = typeof(CiteWeb.Core.Model.Reference).Assembly;
        var references = core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var offending = references.Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib" or "Microsoft.Win32.Primitives")).ToList();
        Assert.True(offending.Count == 0, "CiteWeb.Core references: " + string.Join(", ", offending));
    }

    [Fact]
    public void Core_project_file_has_no_package_or_project_references()
    {
        var project = XDocument.Load(Path.Combine(RepoRoot(), "src", "CiteWeb.Core", "CiteWeb.Core.csproj"));
        var refs = project.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference").Select(e => e.ToString()).ToList();
        Assert.True(refs.Count == 0, "CiteWeb.Core.csproj has: " + string.Join(", ", refs));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CiteWeb.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CiteWeb.sln not found above " + AppContext.BaseDirectory);
    }
}
