using System.Xml.Linq;

namespace CiteWeb.Index.Tests;

/// <summary>Dependency direction (DESIGN.md): Cli -> {Enrichment, Index} -> Core; Index and Enrichment do not see each other.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Index_references_Core_and_no_other_CiteWeb_assembly()
    {
        var names = typeof(CitationIndex).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("CiteWeb", StringComparison.Ordinal));
        Assert.Equal(["CiteWeb.Core"], names);
    }

    [Theory]
    [InlineData("CiteWeb.Index", "CiteWeb.Core")]
    [InlineData("CiteWeb.Enrichment", "CiteWeb.Core")]
    public void Project_references_point_inward(string project, string only)
    {
        var file = XDocument.Load(Path.Combine(RepoRoot(), "src", project, project + ".csproj"));
        var refs = file.Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')));
        Assert.Equal([only], refs);
    }

    [Fact]
    public void The_cli_composes_enrichment_and_index()
    {
        var file = XDocument.Load(Path.Combine(RepoRoot(), "src", "CiteWeb.Cli", "CiteWeb.Cli.csproj"));
        var refs = file.Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/'))).ToHashSet();
        Assert.Superset(new HashSet<string> { "CiteWeb.Core", "CiteWeb.Enrichment", "CiteWeb.Index" }, refs);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CiteWeb.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CiteWeb.sln not found above " + AppContext.BaseDirectory);
    }
}
