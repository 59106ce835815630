using Kurobe.Application.Semantic.Compilation;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Semantic;
using static Kurobe.Application.UnitTests.Semantic.TestModels;

namespace Kurobe.Application.UnitTests.Semantic;

public sealed class Scratch
{
    [Fact]
    public void Print()
    {
        var c = new SemanticQueryCompiler();
        var m = Retail();
        foreach (var q in new[] {
            Query(["revenue", "profit"], [new DimensionRef("region")], [new SemanticFilter("status", FilterOperator.Equals, ["O'Brien'; DROP TABLE x; --"])], limit: 5),
            Query(["average_order_value", "completed_revenue"], [new DimensionRef("order_date", TimeGrain.Month)], [new SemanticFilter("profit", FilterOperator.GreaterThan, ["100"])]),
            Query(["shipping_fees"], [new DimensionRef("category")]),
            Query(["shipping_fees", "revenue", "order_count"], [new DimensionRef("category")], order: [new SemanticOrder("profit", true)]),
            Query([], [new DimensionRef("region"), new DimensionRef("category")]),
        })
        {
            File.AppendAllText("/tmp/semantic-scratch.sql", c.Compile(m, q, SqlDialect.DuckDb).Sql + "\n----\n");
        }
    }
}
