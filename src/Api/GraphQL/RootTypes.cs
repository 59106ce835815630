using GraphQL.Types;

namespace Kurobe.Api.GraphQL;

/// <summary>A feature's fields on the Query root.</summary>
internal interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}

/// <summary>A feature's fields on the Mutation root.</summary>
internal interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}

/// <summary>A feature's fields on the Subscription root.</summary>
internal interface ISubscriptionFields
{
    void AddTo(ObjectGraphType subscription);
}

internal sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType(IEnumerable<IQueryFields> features)
    {
        Name = "Query";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}

internal sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType(IEnumerable<IMutationFields> features)
    {
        Name = "Mutation";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}

internal sealed class SubscriptionGraphType : ObjectGraphType
{
    public SubscriptionGraphType(IEnumerable<ISubscriptionFields> features)
    {
        Name = "Subscription";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}

internal sealed class KurobeSchema : Schema
{
    public KurobeSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation, SubscriptionGraphType subscription)
        : base(services)
    {
        Description = "Kurobe: ask your data in plain language, run safe SQL, stream results.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
