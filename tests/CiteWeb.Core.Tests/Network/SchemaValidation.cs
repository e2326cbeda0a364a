using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CiteWeb.Core.Tests.Network;

/// <summary>Validates documents against the schemas in Schemas/ (see Schemas/README.md for their provenance).</summary>
internal static class SchemaValidation
{
    private static readonly Lazy<XmlSchemaSet> GexfSchemas = new(() => Load(Path.Combine("gexf-1.2draft", "gexf.xsd")));
    private static readonly Lazy<XmlSchemaSet> GraphMlSchemas = new(() => Load(Path.Combine("graphml-1.0", "graphml.xsd")));

    public const string Gexf12Draft = "http://www.gexf.net/1.2draft";

    /// <summary>The validation errors of a GraphML document (empty when valid).</summary>
    public static List<string> GraphMl(string xml) => Validate(XDocument.Parse(xml), GraphMlSchemas.Value);

    /// <summary>The validation errors of a GEXF 1.3 document against the GEXF 1.2draft schema: the 1.3 namespace
    /// is mapped to 1.2draft and the viz elements are removed, for the reasons in Schemas/README.md.</summary>
    public static List<string> Gexf(string xml)
    {
        var doc = XDocument.Parse(xml);
        XNamespace gexf13 = "http://gexf.net/1.3", viz13 = "http://gexf.net/1.3/viz", gexf12 = Gexf12Draft;
        doc.Descendants().Where(e => e.Name.Namespace == viz13).ToList().ForEach(e => e.Remove());
        foreach (var element in doc.Descendants().ToList())
        {
            if (element.Name.Namespace == gexf13) element.Name = gexf12 + element.Name.LocalName;
            element.Attributes().Where(a => a.IsNamespaceDeclaration).ToList().ForEach(a => a.Remove());
        }
        doc.Root!.SetAttributeValue("version", "1.2");
        return Validate(XDocument.Parse(doc.ToString()), GexfSchemas.Value);
    }

    private static List<string> Validate(XDocument doc, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Severity + ": " + e.Message));
        return errors;
    }

    private static XmlSchemaSet Load(string relative)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Network", "Schemas", relative);
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var errors = new List<string>();
        set.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { XmlResolver = new XmlUrlResolver(), DtdProcessing = DtdProcessing.Ignore }))
            set.Add(null, reader);
        set.Compile();
        if (errors.Count > 0) throw new InvalidOperationException("Schema " + relative + " does not compile: " + string.Join("; ", errors));
        return set;
    }
}
