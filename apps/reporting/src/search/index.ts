import { featureModule } from '../lab-reports/feature-module';
import { LabReportIndex } from './lab-report-index';
import { SearchIndexer } from './search-indexer';

/** The lab-report search index: a projection that follows the commits' search marks. */
export const SearchModule = featureModule('SearchModule', { providers: [LabReportIndex, SearchIndexer] });
