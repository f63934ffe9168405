using Jiebang.Web.Features.Demands;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>The document routes build (their parameters bind) before they are wired into the app.</summary>
public sealed class DemandDocumentsApiTests
{
    [Fact]
    public void Map_DocumentRoutes_BuildWithTheUploadFreeOfFormAntiforgery()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddScoped<DemandDocuments>(_ => throw new NotSupportedException());
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.MapDemandDocumentsApi();

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        var routes = endpoints.Select(e => $"{e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0]} {e.RoutePattern.RawText}").ToList();
        Assert.Equal(["GET /api/demands/{id:int}/docx", "GET /api/forms/{key}/template.docx", "POST /api/demands/{id:int}/docx"], routes);
        var upload = endpoints.Single(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0] == "POST");
        Assert.False(upload.Metadata.GetMetadata<IAntiforgeryMetadata>()!.RequiresValidation);
    }
}
