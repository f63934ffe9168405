using Jiebang.Web.Features.Accounts;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Features.PersonalData;
using Jiebang.Web.Features.Rounds;
using Jiebang.Web.Features.Units;

namespace Jiebang.Web.Features;

public static class FeatureServices
{
    public static IServiceCollection AddJiebangFeatures(this IServiceCollection services) => services
        .AddSingleton<PersonalDataProtector>()
        .AddScoped<AuditTrail>()
        .AddScoped<AuditLog>()
        .AddScoped<SignInGate>()
        .AddScoped<RegisterUnit>()
        .AddScoped<Setup.SetUpPlatform>()
        .AddSingleton<Setup.BureauProfile>()
        .AddScoped<Operations.PlatformBackup>()
        .AddScoped<Operations.PlatformRestore>()
        .AddScoped<ReviewUnit>()
        .AddScoped<UnitQueries>()
        .AddScoped<UnitList>()
        .AddScoped<UnitRegistrationFacts>()
        .AddScoped<UpdateUnitContact>()
        .AddScoped<EditUnit>()
        .AddScoped<UnitLicence>()
        .AddScoped<AttachUnitLicence>()
        .AddScoped<RoundCommands>()
        .AddScoped<Home.ToDoList>()
        .AddScoped<CreateAccount>()
        .AddScoped<AccountQueries>()
        .AddScoped<AccountList>()
        .AddSingleton<Forms.FormRegistry>()
        .AddSingleton<Forms.FormPhones>()
        .AddScoped<Demands.DemandStore>()
        .AddScoped<Demands.StartDemand>()
        .AddScoped<Demands.SaveDemandDraft>()
        .AddScoped<Demands.SubmitDemand>()
        .AddScoped<Demands.WithdrawDemand>()
        .AddScoped<Demands.DeleteDemandDraft>()
        .AddScoped<Demands.SaveNewDemand>()
        .AddScoped<Demands.DecideOnDemand>()
        .AddScoped<Demands.SubmitRecommendationBatch>()
        .AddScoped<Demands.ScreeningQueue>()
        .AddScoped<Demands.DemandQueries>()
        .AddScoped<Demands.BureauInbox>()
        .AddScoped<Demands.DemandDiff>()
        .AddScoped<Demands.DemandSummaryExport>()
        .AddSingleton<Files.FileStore>()
        .AddScoped<Files.FilingScans>()
        .AddScoped<Files.IFilingFiles, Demands.DemandFiles>()
        .AddScoped<Files.AttachToField>()
        .AddSingleton<Similarity.SimilarityService>()
        .AddScoped<Similarity.DemandSimilarity>()
        .AddScoped<Similarity.ImportHistoricalProjects>()
        .AddScoped<Blacklist.BlacklistIdentifiers>()
        .AddScoped<Blacklist.BlacklistQueries>()
        .AddScoped<Blacklist.ImportBlacklist>()
        .AddScoped<Documents.AnnexWordWriter>()
        .AddScoped<Documents.AnnexWordReader>()
        .AddScoped<Demands.DemandDocuments>()
        .AddScoped<Guidelines.CompileGuidelineItems>()
        .AddScoped<Guidelines.EditGuidelineItem>()
        .AddScoped<Guidelines.WithdrawGuidelineItem>()
        .AddScoped<Guidelines.PublishCall>()
        .AddScoped<Guidelines.GuidelineQueries>()
        .AddScoped<Calls.PublicCalls>()
        .AddScoped<Calls.CallFeed>()
        .AddScoped<Proposals.ProposalStore>()
        .AddSingleton<Proposals.RegionListCache>()
        .AddScoped<Proposals.StartProposal>()
        .AddScoped<Proposals.SaveProposalDraft>()
        .AddScoped<Proposals.SubmitProposal>()
        .AddScoped<Proposals.WithdrawProposal>()
        .AddScoped<Proposals.DeleteProposalDraft>()
        .AddScoped<Proposals.SaveNewProposal>()
        .AddScoped<Proposals.ReturnProposal>()
        .AddScoped<Proposals.ProposalQueries>()
        .AddScoped<Proposals.ProposalDocuments>()
        .AddScoped<Proposals.LeaderIdHashBackfill>()
        .AddScoped<Files.IFilingFiles, Proposals.ProposalFiles>()
        .AddScoped<Recommendation.RecommendingLevels>()
        .AddScoped<Recommendation.QuotaLedger>()
        .AddScoped<Recommendation.RecommendProposal>()
        .AddScoped<Recommendation.RejectProposal>()
        .AddScoped<Recommendation.UndoRecommendation>()
        .AddScoped<Recommendation.LevelQueue>()
        .AddScoped<Recommendation.ProposalBatchStore>()
        .AddScoped<Recommendation.ProposalBatchQueries>()
        .AddScoped<Recommendation.OpenProposalBatch>()
        .AddScoped<Recommendation.ChooseBatchProposals>()
        .AddScoped<Recommendation.BatchSummaryExport>()
        .AddScoped<Recommendation.LetterTemplates>()
        .AddScoped<Recommendation.EditLetterTemplate>()
        .AddScoped<Recommendation.BatchLetters>()
        .AddScoped<Recommendation.AttachBatchScan>()
        .AddScoped<Files.IFilingFiles, Recommendation.ProposalBatchFiles>()
        .AddScoped<Recommendation.SubmitProposalBatch>()
        .AddScoped<FormalReview.FormalReviewQueue>()
        .AddScoped<FormalReview.DecideFormalReview>();

    public static void MapJiebangApis(this IEndpointRouteBuilder app)
    {
        app.MapUnitApi();
        app.MapRoundApi();
        app.MapAuditApi();
        app.MapAccountApi();
        Demands.DemandApi.MapDemandApi(app);
        Files.FileApi.MapFileApi(app);
        Similarity.SimilarityApi.MapSimilarityApi(app);
        Demands.DemandDocumentsApi.MapDemandDocumentsApi(app);
        Guidelines.GuidelineApi.MapGuidelineApi(app);
        Calls.PublicCallApi.MapPublicCallApi(app);
        Proposals.ProposalApi.MapProposalApi(app);
        Recommendation.RecommendationApi.MapRecommendationApi(app);
        Recommendation.ProposalBatchApi.MapProposalBatchApi(app);
        FormalReview.FormalReviewApi.MapFormalReviewApi(app);
    }
}
