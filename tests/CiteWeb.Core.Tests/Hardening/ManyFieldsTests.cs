using System.Text;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Tests.Hardening;

/// <summary>A record with tens of thousands of fields of its own: each kept, in order, in time linear in their number.</summary>
public sealed class ManyFieldsTests
{
    [Fact]
    public void A_map_of_many_fields_finds_sets_and_removes_every_key_in_order()
    {
        var map = new FieldMap();
        for (int i = 0; i < 100; i++) map[$"k{i}"] = $"v{i}";
        Assert.Equal(100, map.Count);
        Assert.Equal("v0", map["k0"]);
        Assert.Equal("v99", map["k99"]);
        Assert.Null(map["k100"]);

        map["k50"] = "changed";
        map["k10"] = null;                      // removal shifts every later field
        Assert.Equal(99, map.Count);
        Assert.Null(map["k10"]);
        Assert.Equal("v11", map["k11"]);
        Assert.Equal("changed", map["k50"]);
        map["k100"] = "v100";                   // added after a removal: found, and last in order
        Assert.Equal("v100", map["k100"]);
        Assert.Equal(["k0", "k1"], map.Keys.Take(2));
        Assert.Equal("k100", map.Keys.Last());
        Assert.Equal(Enumerable.Range(0, 101).Where(i => i != 10).Select(i => $"k{i}"), map.Keys);

        for (int i = 0; i < 95; i++) map[$"k{i}"] = null;   // back below the size that keeps an index
        Assert.Equal(["k95", "k96", "k97", "k98", "k99", "k100"], map.Keys);
        Assert.Equal("v97", map["k97"]);
    }

    [Fact]
    public void A_ris_record_with_17000_urls_keeps_every_one_in_linear_time()
    {
        // Found by the CI fuzz run: 17,462 UR lines (CR line ends) in one record took 3.8 s of CPU, because every extra
        // URL became its own custom key and each key was looked up by a linear scan of the ones before it.
        var text = new StringBuilder("TY  - JOUR\rID  - many\rTI  - Many links\r");
        for (int i = 0; i < 17_000; i++) text.Append("UR  - https://example.org/").Append(i).Append('\r');
        text.Append("ER  - \rTY  - BOOK\rID  - after\rTI  - After\rER  - \r");
        long started = CiteWeb.Fuzz.ThreadClock.Now();
        var b = RisReader.Read(text.ToString(), "many.ris");
        var cpu = TimeSpan.FromTicks(CiteWeb.Fuzz.ThreadClock.Now() - started);
        var r = b.References[0];
        Assert.Equal("https://example.org/0", r.Url);
        Assert.Equal(16_999, r.Custom.Keys.Count());
        Assert.Equal("https://example.org/16999", r.Custom.Last().Value);
        Assert.Equal("after", b.References[1].Id);
        // The quadratic scan took seconds of this thread's CPU; linear takes a few milliseconds.
        Assert.True(cpu < TimeSpan.FromSeconds(1), cpu.ToString());
    }
}
