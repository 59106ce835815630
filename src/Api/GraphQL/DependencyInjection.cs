using System.Text.Encodings.Web;
using GraphQL;
using Kurobe.Api.GraphQL.Asking;
using Kurobe.Api.GraphQL.DataSources;
using Kurobe.Api.GraphQL.Engines;
using Kurobe.Api.GraphQL.Identity;
using Kurobe.Api.GraphQL.Visualization;
using Kurobe.Api.GraphQL.Errors;
using Kurobe.Api.GraphQL.Execution;
using Kurobe.Api.GraphQL.Querying;
using Kurobe.Api.GraphQL.Serialization;
using Kurobe.Api.GraphQL.Transport;

namespace Kurobe.Api.GraphQL;

internal static class DependencyInjection
{
    public static IServiceCollection AddKurobeGraphQL(this IServiceCollection services)
    {
        services.AddOptions<GraphQLServerOptions>()
            .BindConfiguration(GraphQLServerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<IQueryFields, DataSourcesQueryFields>();
        services.AddSingleton<IQueryFields, QueryingQueryFields>();
        services.AddSingleton<IQueryFields, EnginesQueryFields>();
        services.AddSingleton<IQueryFields, VisualizationQueryFields>();
        services.AddSingleton<IQueryFields, IdentityQueryFields>();
        services.AddSingleton<IMutationFields, DataSourcesMutationFields>();
        services.AddSingleton<IMutationFields, IdentityMutationFields>();
        services.AddSingleton<IMutationFields, QueryingMutationFields>();
        services.AddSingleton<ISubscriptionFields, QueryingSubscriptionFields>();
        services.AddSingleton<IQueryFields, AskingQueryFields>();
        services.AddSingleton<IMutationFields, AskingMutationFields>();
        services.AddSingleton<ISubscriptionFields, AskingSubscriptionFields>();

        services.AddSingleton<GraphQLErrorMapping>();
        services.AddSingleton<GraphQLExecutor>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<KurobeSchema>()
            .AddGraphTypes(typeof(KurobeSchema).Assembly)
            .AddErrorInfoProvider(sp => sp.GetRequiredService<GraphQLErrorMapping>())
            .AddSystemTextJson(json =>
            {
                // Responses are JSON documents, never inlined into HTML: write UTF-8 text as is (names in any script,
                // '+' in offsets) instead of \u escapes.
                json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                json.Converters.Add(new EncodedRowsJsonConverter());
                json.Converters.Add(new RowBatchJsonConverter());
            }));

        services.AddGraphQLTransports();
        return services;
    }
}
