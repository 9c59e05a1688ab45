// Each view model as its template reads it: every stored field under its own name, in
// declaration order, `nil` ones left out. A field added to a view model must be added here
// too; the tests compare these values with the fields reflection sees
// (`ReportTemplateTests.viewModelsGiveEveryFieldToTheTemplates`).

// MARK: ReportViewModel

extension ReportViewModel: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "language": language.templateValue, "title": title.templateValue, "country": country.templateValue,
            "period": period.templateValue, "date": date?.templateValue, "preparedBy": preparedBy?.templateValue,
            "notes": notes?.templateValue, "generator": generator.templateValue, "pageHeaderCSS": pageHeaderCSS.templateValue,
            "agencies": agencies.templateValue, "coverAgencies": coverAgencies.templateValue, "moreAgencies": moreAgencies?.templateValue,
            "agencyNames": agencyNames.templateValue, "questionnaireNames": questionnaireNames.templateValue,
            "questionnaires": questionnaires.templateValue, "scale": scale.templateValue, "toc": toc.templateValue,
            "summaryParagraphs": summaryParagraphs.templateValue, "maturity": maturity.templateValue,
            "compliance": compliance.templateValue, "topPriorities": topPriorities.templateValue, "priorities": priorities.templateValue,
            "phases": phases.templateValue, "unansweredIndicators": unansweredIndicators.templateValue,
            "unansweredProvisions": unansweredProvisions.templateValue, "hasUnanswered": hasUnanswered.templateValue,
            "references": references.templateValue, "complianceChapter": complianceChapter.templateValue,
            "gapChapter": gapChapter.templateValue, "annexChapter": annexChapter.templateValue,
            "provisionalThreshold": provisionalThreshold.templateValue, "countryPeriod": countryPeriod.templateValue,
            "trend": trend?.templateValue, "trendChapter": trendChapter.templateValue, "crossingPoint": crossingPoint?.templateValue,
            "crossingPointMethod": crossingPointMethod?.templateValue, "progressTitle": progressTitle.templateValue,
        ])
    }
}

extension ReportViewModel.AgencyRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["id": id.templateValue, "name": name.templateValue, "answers": answers.templateValue])
    }
}

extension ReportViewModel.QuestionnaireRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "id": id.templateValue, "title": title.templateValue, "kind": kind.templateValue, "version": version.templateValue,
            "answeredVersion": answeredVersion.templateValue, "mismatch": mismatch.templateValue, "name": name.templateValue,
        ])
    }
}

extension ReportViewModel.ScaleRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "level": level.templateValue, "name": name.templateValue, "summary": summary.templateValue, "badge": badge.templateValue,
        ])
    }
}

extension ReportViewModel.DimensionLine: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["title": title.templateValue, "score": score.templateValue, "level": level.templateValue])
    }
}

extension ReportViewModel.ResponseRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "agency": agency.templateValue, "value": value.templateValue, "evidence": evidence?.templateValue,
            "comment": comment?.templateValue,
        ])
    }
}

extension ReportViewModel.Rating: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "score": score.templateValue, "level": level.templateValue, "levelName": levelName.templateValue, "badge": badge.templateValue,
            "target": target?.templateValue, "gap": gap?.templateValue,
        ])
    }
}

extension ReportViewModel.IndicatorBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "anchor": anchor.templateValue, "id": id.templateValue, "title": title.templateValue, "question": question.templateValue,
            "answered": answered.templateValue, "statusText": statusText.templateValue, "rating": rating.templateValue,
            "divergent": divergent.templateValue, "divergence": divergence.templateValue, "divergenceFlag": divergenceFlag.templateValue,
            "consensusNote": consensusNote?.templateValue, "descriptor": descriptor?.templateValue, "nextLevel": nextLevel.templateValue,
            "nextStepLabel": nextStepLabel.templateValue, "nextStep": nextStep?.templateValue, "note": note?.templateValue,
            "responses": responses.templateValue, "views": views.templateValue, "references": references.templateValue,
            "linkGroups": linkGroups.templateValue,
        ])
    }
}

extension ReportViewModel.LinkGroup: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["title": title.templateValue, "items": items.templateValue])
    }
}

extension ReportViewModel.LinkText: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["text": text.templateValue, "anchor": anchor.templateValue, "last": last.templateValue])
    }
}

extension ReportViewModel.DimensionBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "anchor": anchor.templateValue, "number": number.templateValue, "id": id.templateValue, "title": title.templateValue,
            "summary": summary?.templateValue, "rating": rating.templateValue, "coverage": coverage.templateValue,
            "provisional": provisional.templateValue, "answeredText": answeredText.templateValue, "heatmapSVG": heatmapSVG.templateValue,
            "scoreLine": scoreLine.templateValue, "heatmapCaption": heatmapCaption.templateValue,
            "hasWorkingGroup": hasWorkingGroup.templateValue, "indicators": indicators.templateValue,
        ])
    }
}

extension ReportViewModel.SubIndexes: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "national": national.templateValue, "crossBorder": crossBorder.templateValue, "line": line.templateValue,
        ])
    }
}

extension ReportViewModel.MaturitySection: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "anchor": anchor.templateValue, "number": number.templateValue, "id": id.templateValue, "title": title.templateValue,
            "version": version.templateValue, "rating": rating.templateValue, "headline": headline.templateValue,
            "indexLabel": indexLabel.templateValue, "indexLine": indexLine.templateValue, "subIndexes": subIndexes?.templateValue,
            "radarCaption": radarCaption.templateValue, "radarSVG": radarSVG.templateValue, "dimensionRows": dimensionRows.templateValue,
            "strongest": strongest.templateValue, "weakest": weakest.templateValue, "strongestText": strongestText.templateValue,
            "weakestText": weakestText.templateValue, "provisionalNote": provisionalNote?.templateValue,
            "divergenceNote": divergenceNote?.templateValue, "divergent": divergent.templateValue, "dimensions": dimensions.templateValue,
        ])
    }
}

extension ReportViewModel.StatusCount: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["label": label.templateValue, "count": count.templateValue])
    }
}

extension ReportViewModel.SectionRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "id": id.templateValue, "title": title.templateValue, "rate": rate.templateValue, "coverage": coverage.templateValue,
            "answered": answered.templateValue, "binding": binding.templateValue, "bestEndeavour": bestEndeavour.templateValue,
        ])
    }
}

extension ReportViewModel.ProvisionRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "id": id.templateValue, "title": title.templateValue, "obligation": obligation.templateValue, "status": status.templateValue,
            "category": category.templateValue, "date": date.templateValue, "evidence": evidence.templateValue,
            "requirement": requirement.templateValue, "links": links.templateValue,
        ])
    }
}

extension ReportViewModel.ComplianceSection: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "anchor": anchor.templateValue, "number": number.templateValue, "id": id.templateValue, "title": title.templateValue,
            "instrument": instrument.templateValue, "headline": headline.templateValue, "rate": rate.templateValue,
            "coverage": coverage.templateValue, "bindingRate": bindingRate.templateValue,
            "bestEndeavourRate": bestEndeavourRate.templateValue, "counts": counts.templateValue, "sectionsSVG": sectionsSVG.templateValue,
            "obligationSVG": obligationSVG.templateValue, "hasObligationChart": hasObligationChart.templateValue,
            "sections": sections.templateValue, "notMet": notMet.templateValue, "unanswered": unanswered.templateValue,
            "hasUnanswered": hasUnanswered.templateValue, "hasCategories": hasCategories.templateValue, "guidance": guidance.templateValue,
            "hasGuidance": hasGuidance.templateValue,
        ])
    }
}

extension ReportViewModel.PriorityRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "rank": rank.templateValue, "questionnaire": questionnaire.templateValue, "indicator": indicator.templateValue,
            "title": title.templateValue, "dimension": dimension.templateValue, "score": score.templateValue,
            "target": target.templateValue, "gap": gap.templateValue, "priority": priority.templateValue,
            "nextLevel": nextLevel.templateValue, "nextStep": nextStep.templateValue, "toLevel": toLevel.templateValue,
        ])
    }
}

extension ReportViewModel.Phase: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["name": name.templateValue, "description": description.templateValue, "items": items.templateValue])
    }
}

extension ReportViewModel.ItemRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["questionnaire": questionnaire.templateValue, "id": id.templateValue, "title": title.templateValue])
    }
}

extension ReportViewModel.ReferenceRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["source": source.templateValue, "citations": citations.templateValue])
    }
}

extension ReportViewModel.TocEntry: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["anchor": anchor.templateValue, "number": number.templateValue, "title": title.templateValue])
    }
}

// MARK: TrendReportViewModel

extension TrendReportViewModel: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "title": title.templateValue, "generator": generator.templateValue, "pageHeaderCSS": pageHeaderCSS.templateValue,
            "language": language.templateValue, "trend": trend.templateValue,
        ])
    }
}

// MARK: TrendViewModel

extension TrendViewModel: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "country": country.templateValue, "firstPeriod": firstPeriod.templateValue, "lastPeriod": lastPeriod.templateValue,
            "periods": periods.templateValue, "periodCount": periodCount.templateValue, "assessments": assessments.templateValue,
            "summaryParagraphs": summaryParagraphs.templateValue, "maturity": maturity.templateValue,
            "compliance": compliance.templateValue, "complianceSVG": complianceSVG.templateValue, "changes": changes.templateValue,
            "regressionThreshold": regressionThreshold.templateValue, "coverLine": coverLine.templateValue,
            "progressNote": progressNote.templateValue,
        ])
    }
}

extension TrendViewModel.Cell: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["text": text.templateValue])
    }
}

extension TrendViewModel.Row: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "id": id.templateValue, "title": title.templateValue, "dimension": dimension.templateValue, "cells": cells.templateValue,
            "change": change.templateValue, "target": target.templateValue, "progress": progress.templateValue,
            "regressed": regressed.templateValue, "regressionText": regressionText.templateValue,
        ])
    }
}

extension TrendViewModel.SmallChart: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["title": title.templateValue, "svg": svg.templateValue])
    }
}

extension TrendViewModel.MaturityBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "id": id.templateValue, "title": title.templateValue, "versions": versions.templateValue, "index": index.templateValue,
            "overviewSVG": overviewSVG.templateValue, "smallMultiples": smallMultiples.templateValue,
            "dimensions": dimensions.templateValue, "indicators": indicators.templateValue, "regressions": regressions.templateValue,
            "missing": missing.templateValue,
        ])
    }
}

extension TrendViewModel.ComplianceBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "id": id.templateValue, "title": title.templateValue, "row": row.templateValue, "sections": sections.templateValue,
            "sectionsHeading": sectionsHeading.templateValue,
        ])
    }
}

extension TrendViewModel.ChangeItem: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["id": id.templateValue, "text": text.templateValue])
    }
}

extension TrendViewModel.ChangeBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "questionnaire": questionnaire.templateValue, "fromVersion": fromVersion.templateValue, "toVersion": toVersion.templateValue,
            "period": period.templateValue, "items": items.templateValue, "heading": heading.templateValue,
        ])
    }
}

extension TrendViewModel.AssessmentRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["period": period.templateValue, "title": title.templateValue, "date": date.templateValue])
    }
}

// MARK: ComparisonViewModel

extension ComparisonViewModel: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "title": title.templateValue, "language": language.templateValue, "method": method.templateValue, "marks": marks.templateValue,
            "listedLast": listedLast.templateValue, "producedWith": producedWith.templateValue, "generator": generator.templateValue,
            "pageHeaderCSS": pageHeaderCSS.templateValue, "subtitle": subtitle.templateValue, "assessments": assessments.templateValue,
            "assessmentCount": assessmentCount.templateValue, "summaryParagraphs": summaryParagraphs.templateValue,
            "maturity": maturity.templateValue, "compliance": compliance.templateValue, "crossings": crossings.templateValue,
            "notComparable": notComparable.templateValue, "flagGap": flagGap.templateValue,
        ])
    }
}

extension ComparisonViewModel.Cell: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["text": text.templateValue, "css": css.templateValue])
    }
}

extension ComparisonViewModel.Header: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["text": text.templateValue, "number": number?.templateValue])
    }
}

extension ComparisonViewModel.HeatRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "rank": rank.templateValue, "country": country.templateValue, "period": period.templateValue, "cells": cells.templateValue,
            "regional": regional.templateValue,
        ])
    }
}

extension ComparisonViewModel.SpreadRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "title": title.templateValue, "id": id.templateValue, "count": count.templateValue, "min": min.templateValue,
            "q1": q1.templateValue, "median": median.templateValue, "q3": q3.templateValue, "max": max.templateValue,
            "note": note?.templateValue,
        ])
    }
}

extension ComparisonViewModel.StandingRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["country": country.templateValue, "text": text.templateValue])
    }
}

extension ComparisonViewModel.MaturityBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "id": id.templateValue, "title": title.templateValue, "versions": versions.templateValue,
            "versionsLine": versionsLine.templateValue, "headers": headers.templateValue, "rows": rows.templateValue,
            "dimensions": dimensions.templateValue, "indexes": indexes.templateValue, "standings": standings.templateValue,
            "weakest": weakest.templateValue,
        ])
    }
}

extension ComparisonViewModel.ComplianceRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "country": country.templateValue, "rate": rate.templateValue, "binding": binding.templateValue,
            "bestEndeavour": bestEndeavour.templateValue, "coverage": coverage.templateValue, "regional": regional.templateValue,
        ])
    }
}

extension ComparisonViewModel.ComplianceBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "id": id.templateValue, "title": title.templateValue, "versions": versions.templateValue,
            "versionsLine": versionsLine.templateValue, "rows": rows.templateValue, "sections": sections.templateValue,
        ])
    }
}

extension ComparisonViewModel.SideCell: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object(["score": score.templateValue, "views": views.templateValue, "divergent": divergent.templateValue])
    }
}

extension ComparisonViewModel.CrossingRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "id": id.templateValue, "title": title.templateValue, "scope": scope?.templateValue, "sides": sides.templateValue,
            "gap": gap.templateValue, "flagged": flagged.templateValue,
        ])
    }
}

extension ComparisonViewModel.CrossingTable: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "questionnaire": questionnaire.templateValue, "title": title.templateValue, "versions": versions.templateValue,
            "indexes": indexes.templateValue, "rule": rule.templateValue, "rows": rows.templateValue,
            "flaggedText": flaggedText.templateValue, "crossingLine": crossingLine.templateValue,
        ])
    }
}

extension ComparisonViewModel.SideHeader: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "name": name.templateValue, "country": country.templateValue, "file": file.templateValue, "period": period.templateValue,
        ])
    }
}

extension ComparisonViewModel.CrossingBlock: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "title": title.templateValue, "sides": sides.templateValue, "tables": tables.templateValue, "oneSide": oneSide?.templateValue,
        ])
    }
}

extension ComparisonViewModel.AssessmentRow: TemplateValueConvertible {
    var templateValue: TemplateValue {
        .object([
            "country": country.templateValue, "period": period.templateValue, "title": title.templateValue, "file": file.templateValue,
        ])
    }
}
