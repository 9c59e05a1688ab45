// Each view model as its template reads it: every stored field under its own name, in
// declaration order, `nil` ones left out (`TemplateObject.with`). A field added to a view
// model must be added here too; the tests compare these values with the fields reflection
// sees (`ReportTemplateTests.viewModelsGiveEveryFieldToTheTemplates`).

// MARK: ReportViewModel

extension ReportViewModel: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 37)
            .with("language", language).with("title", title).with("country", country).with("period", period).with("date", date)
            .with("preparedBy", preparedBy).with("notes", notes).with("generator", generator).with("pageHeaderCSS", pageHeaderCSS)
            .with("agencies", agencies).with("coverAgencies", coverAgencies).with("moreAgencies", moreAgencies)
            .with("agencyNames", agencyNames).with("questionnaireNames", questionnaireNames)
            .with("questionnaires", questionnaires).with("scale", scale).with("toc", toc)
            .with("summaryParagraphs", summaryParagraphs).with("maturity", maturity).with("compliance", compliance)
            .with("topPriorities", topPriorities).with("priorities", priorities).with("phases", phases)
            .with("unansweredIndicators", unansweredIndicators).with("unansweredProvisions", unansweredProvisions)
            .with("hasUnanswered", hasUnanswered).with("references", references).with("complianceChapter", complianceChapter)
            .with("gapChapter", gapChapter).with("annexChapter", annexChapter).with("provisionalThreshold", provisionalThreshold)
            .with("countryPeriod", countryPeriod).with("trend", trend).with("trendChapter", trendChapter)
            .with("crossingPoint", crossingPoint).with("crossingPointMethod", crossingPointMethod)
            .with("progressTitle", progressTitle).value
    }
}

extension ReportViewModel.AgencyRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 3).with("id", id).with("name", name).with("answers", answers).value
    }
}

extension ReportViewModel.QuestionnaireRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 7)
            .with("id", id).with("title", title).with("kind", kind).with("version", version)
            .with("answeredVersion", answeredVersion).with("mismatch", mismatch).with("name", name).value
    }
}

extension ReportViewModel.ScaleRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 4).with("level", level).with("name", name).with("summary", summary).with("badge", badge).value
    }
}

extension ReportViewModel.DimensionLine: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 3).with("title", title).with("score", score).with("level", level).value
    }
}

extension ReportViewModel.ResponseRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 4)
            .with("agency", agency).with("value", value).with("evidence", evidence).with("comment", comment).value
    }
}

extension ReportViewModel.Rating: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 6)
            .with("score", score).with("level", level).with("levelName", levelName).with("badge", badge).with("target", target)
            .with("gap", gap).value
    }
}

extension ReportViewModel.IndicatorBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 20)
            .with("anchor", anchor).with("id", id).with("title", title).with("question", question).with("answered", answered)
            .with("statusText", statusText).with("rating", rating).with("divergent", divergent).with("divergence", divergence)
            .with("divergenceFlag", divergenceFlag).with("consensusNote", consensusNote).with("descriptor", descriptor)
            .with("nextLevel", nextLevel).with("nextStepLabel", nextStepLabel).with("nextStep", nextStep).with("note", note)
            .with("responses", responses).with("views", views).with("references", references).with("linkGroups", linkGroups).value
    }
}

extension ReportViewModel.LinkGroup: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 2).with("title", title).with("items", items).value
    }
}

extension ReportViewModel.LinkText: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 3).with("text", text).with("anchor", anchor).with("last", last).value
    }
}

extension ReportViewModel.DimensionBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 14)
            .with("anchor", anchor).with("number", number).with("id", id).with("title", title).with("summary", summary)
            .with("rating", rating).with("coverage", coverage).with("provisional", provisional).with("answeredText", answeredText)
            .with("heatmapSVG", heatmapSVG).with("scoreLine", scoreLine).with("heatmapCaption", heatmapCaption)
            .with("hasWorkingGroup", hasWorkingGroup).with("indicators", indicators).value
    }
}

extension ReportViewModel.SubIndexes: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 3).with("national", national).with("crossBorder", crossBorder).with("line", line).value
    }
}

extension ReportViewModel.MaturitySection: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 21)
            .with("anchor", anchor).with("number", number).with("id", id).with("title", title).with("version", version)
            .with("rating", rating).with("headline", headline).with("indexLabel", indexLabel).with("indexLine", indexLine)
            .with("subIndexes", subIndexes).with("radarCaption", radarCaption).with("radarSVG", radarSVG)
            .with("dimensionRows", dimensionRows).with("strongest", strongest).with("weakest", weakest)
            .with("strongestText", strongestText).with("weakestText", weakestText).with("provisionalNote", provisionalNote)
            .with("divergenceNote", divergenceNote).with("divergent", divergent).with("dimensions", dimensions).value
    }
}

extension ReportViewModel.StatusCount: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 2).with("label", label).with("count", count).value
    }
}

extension ReportViewModel.SectionRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 7)
            .with("id", id).with("title", title).with("rate", rate).with("coverage", coverage).with("answered", answered)
            .with("binding", binding).with("bestEndeavour", bestEndeavour).value
    }
}

extension ReportViewModel.ProvisionRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 9)
            .with("id", id).with("title", title).with("obligation", obligation).with("status", status).with("category", category)
            .with("date", date).with("evidence", evidence).with("requirement", requirement).with("links", links).value
    }
}

extension ReportViewModel.ComplianceSection: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 21)
            .with("anchor", anchor).with("number", number).with("id", id).with("title", title).with("instrument", instrument)
            .with("headline", headline).with("rate", rate).with("coverage", coverage).with("bindingRate", bindingRate)
            .with("bestEndeavourRate", bestEndeavourRate).with("counts", counts).with("sectionsSVG", sectionsSVG)
            .with("obligationSVG", obligationSVG).with("hasObligationChart", hasObligationChart).with("sections", sections)
            .with("notMet", notMet).with("unanswered", unanswered).with("hasUnanswered", hasUnanswered)
            .with("hasCategories", hasCategories).with("guidance", guidance).with("hasGuidance", hasGuidance).value
    }
}

extension ReportViewModel.PriorityRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 12)
            .with("rank", rank).with("questionnaire", questionnaire).with("indicator", indicator).with("title", title)
            .with("dimension", dimension).with("score", score).with("target", target).with("gap", gap).with("priority", priority)
            .with("nextLevel", nextLevel).with("nextStep", nextStep).with("toLevel", toLevel).value
    }
}

extension ReportViewModel.Phase: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 3).with("name", name).with("description", description).with("items", items).value
    }
}

extension ReportViewModel.ItemRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 3).with("questionnaire", questionnaire).with("id", id).with("title", title).value
    }
}

extension ReportViewModel.ReferenceRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 2).with("source", source).with("citations", citations).value
    }
}

extension ReportViewModel.TocEntry: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 3).with("anchor", anchor).with("number", number).with("title", title).value
    }
}

// MARK: TrendReportViewModel

extension TrendReportViewModel: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 5)
            .with("title", title).with("generator", generator).with("pageHeaderCSS", pageHeaderCSS).with("language", language)
            .with("trend", trend).value
    }
}

// MARK: TrendViewModel

extension TrendViewModel: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 14)
            .with("country", country).with("firstPeriod", firstPeriod).with("lastPeriod", lastPeriod).with("periods", periods)
            .with("periodCount", periodCount).with("assessments", assessments).with("summaryParagraphs", summaryParagraphs)
            .with("maturity", maturity).with("compliance", compliance).with("complianceSVG", complianceSVG)
            .with("changes", changes).with("regressionThreshold", regressionThreshold).with("coverLine", coverLine)
            .with("progressNote", progressNote).value
    }
}

extension TrendViewModel.Cell: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 1).with("text", text).value
    }
}

extension TrendViewModel.Row: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 9)
            .with("id", id).with("title", title).with("dimension", dimension).with("cells", cells).with("change", change)
            .with("target", target).with("progress", progress).with("regressed", regressed).with("regressionText", regressionText)
            .value
    }
}

extension TrendViewModel.SmallChart: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 2).with("title", title).with("svg", svg).value
    }
}

extension TrendViewModel.MaturityBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 10)
            .with("id", id).with("title", title).with("versions", versions).with("index", index).with("overviewSVG", overviewSVG)
            .with("smallMultiples", smallMultiples).with("dimensions", dimensions).with("indicators", indicators)
            .with("regressions", regressions).with("missing", missing).value
    }
}

extension TrendViewModel.ComplianceBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 5)
            .with("id", id).with("title", title).with("row", row).with("sections", sections)
            .with("sectionsHeading", sectionsHeading).value
    }
}

extension TrendViewModel.ChangeItem: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 2).with("id", id).with("text", text).value
    }
}

extension TrendViewModel.ChangeBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 6)
            .with("questionnaire", questionnaire).with("fromVersion", fromVersion).with("toVersion", toVersion)
            .with("period", period).with("items", items).with("heading", heading).value
    }
}

extension TrendViewModel.AssessmentRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 3).with("period", period).with("title", title).with("date", date).value
    }
}

// MARK: ComparisonViewModel

extension ComparisonViewModel: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 17)
            .with("title", title).with("language", language).with("method", method).with("marks", marks)
            .with("listedLast", listedLast).with("producedWith", producedWith).with("generator", generator)
            .with("pageHeaderCSS", pageHeaderCSS).with("subtitle", subtitle).with("assessments", assessments)
            .with("assessmentCount", assessmentCount).with("summaryParagraphs", summaryParagraphs).with("maturity", maturity)
            .with("compliance", compliance).with("crossings", crossings).with("notComparable", notComparable)
            .with("flagGap", flagGap).value
    }
}

extension ComparisonViewModel.Cell: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 2).with("text", text).with("css", css).value
    }
}

extension ComparisonViewModel.Header: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 2).with("text", text).with("number", number).value
    }
}

extension ComparisonViewModel.HeatRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 5)
            .with("rank", rank).with("country", country).with("period", period).with("cells", cells).with("regional", regional)
            .value
    }
}

extension ComparisonViewModel.SpreadRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 9)
            .with("title", title).with("id", id).with("count", count).with("min", min).with("q1", q1).with("median", median)
            .with("q3", q3).with("max", max).with("note", note).value
    }
}

extension ComparisonViewModel.StandingRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 2).with("country", country).with("text", text).value
    }
}

extension ComparisonViewModel.MaturityBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 10)
            .with("id", id).with("title", title).with("versions", versions).with("versionsLine", versionsLine)
            .with("headers", headers).with("rows", rows).with("dimensions", dimensions).with("indexes", indexes)
            .with("standings", standings).with("weakest", weakest).value
    }
}

extension ComparisonViewModel.ComplianceRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 6)
            .with("country", country).with("rate", rate).with("binding", binding).with("bestEndeavour", bestEndeavour)
            .with("coverage", coverage).with("regional", regional).value
    }
}

extension ComparisonViewModel.ComplianceBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 6)
            .with("id", id).with("title", title).with("versions", versions).with("versionsLine", versionsLine).with("rows", rows)
            .with("sections", sections).value
    }
}

extension ComparisonViewModel.SideCell: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 3).with("score", score).with("views", views).with("divergent", divergent).value
    }
}

extension ComparisonViewModel.CrossingRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 6)
            .with("id", id).with("title", title).with("scope", scope).with("sides", sides).with("gap", gap)
            .with("flagged", flagged).value
    }
}

extension ComparisonViewModel.CrossingTable: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 8)
            .with("questionnaire", questionnaire).with("title", title).with("versions", versions).with("indexes", indexes)
            .with("rule", rule).with("rows", rows).with("flaggedText", flaggedText).with("crossingLine", crossingLine).value
    }
}

extension ComparisonViewModel.SideHeader: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 4).with("name", name).with("country", country).with("file", file).with("period", period).value
    }
}

extension ComparisonViewModel.CrossingBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 4)
            .with("title", title).with("sides", sides).with("tables", tables).with("oneSide", oneSide).value
    }
}

extension ComparisonViewModel.AssessmentRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        TemplateObject(capacity: 4).with("country", country).with("period", period).with("title", title).with("file", file).value
    }
}
