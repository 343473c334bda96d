// Adapter health in the interface's language. The readers in lib/sites are pure and run in
// content scripts, so they name what they did not find in fixed English ("activity timeline");
// the side panel and the options page word those names here. A name this table does not know
// (a new anchor) is shown as it is: visible, never blank.
import { customFieldLabel, customFieldOf } from './custom-adapters';
import { t, type MessageKey } from './i18n';

export const HEALTH_ANCHOR_KEYS: Readonly<Record<string, MessageKey>> = {
  'opportunity record URL': 'health_opportunity_record_url',
  'record name': 'health_record_name',
  Path: 'health_path',
  'Path current stage': 'health_path_current_stage',
  'activity timeline': 'health_activity_timeline',
  'Stage History stage': 'health_stage_history_stage',
  'Stage History date': 'health_stage_history_date',
  'lead or contact record URL': 'health_lead_or_contact_record_url',
  'Opportunities related list': 'health_opportunities_related_list',
  'list view table': 'health_list_view_table',
  'Stage column': 'health_stage_column',
  'supported page URL': 'health_supported_page_url',
  'HubSpot app URL': 'health_hubspot_app_url',
  'associated deals card': 'health_associated_deals_card',
  'associated deal row': 'health_associated_deal_row',
  'board columns': 'health_board_columns',
  'board card': 'health_board_card',
  'deals table': 'health_deals_table',
  'deals table row': 'health_deals_table_row',
  'deal, contact or company record, or deal board/list URL': 'health_hubspot_record_url',
  'deal stage': 'health_deal_stage',
  'deal URL': 'health_deal_url',
  'header title': 'health_header_title',
  'stage bar': 'health_stage_bar',
  'stage bar current stage': 'health_stage_bar_current_stage',
  'deal status': 'health_deal_status',
  'history feed': 'health_history_feed',
  'signed-in user name': 'health_signed_in_user_name',
  'person URL': 'health_person_url',
  'stage column title': 'health_stage_column_title',
  'deal tile title': 'health_deal_tile_title',
  'deals list column: stage': 'health_deals_list_column_stage',
  'deals list column: status': 'health_deals_list_column_status',
  'pipeline or deals list URL': 'health_pipeline_or_deals_list_url',
  'pipeline board': 'health_pipeline_board',
  'deals list': 'health_deals_list',
  'deal, person, pipeline or deals list URL': 'health_pipedrive_page_url',
  'profile top card': 'health_profile_top_card',
  'profile name': 'health_profile_name',
  'profile URL': 'health_profile_url',
  'profile actions': 'health_profile_actions',
  'conversation pane': 'health_conversation_pane',
  'message time': 'health_message_time',
  'invitation list': 'health_invitation_list',
  'invitation profile link': 'health_invitation_profile_link',
  'search results': 'health_search_results',
  'connections list': 'health_connections_list',
  'lead name': 'health_lead_name',
  'save button': 'health_save_button',
  'lead results': 'health_lead_results',
  'LinkedIn URL': 'health_linkedin_url',
  'a page matching the URL pattern': 'health_custom_url_pattern',
  'a record id in the URL': 'health_custom_record_id',
};


/** One missing anchor in the interface's language ("activity timeline", "Aktivitätszeitachse"). */
export function anchorText(anchor: string): string {
  const key = HEALTH_ANCHOR_KEYS[anchor];
  if (key) return t(key);
  // A custom CRM's field: "stage (.cell[data-name=stage])", the selector as the rep typed it.
  const m = /^(.+?) \((.*)\)$/s.exec(anchor);
  const field = m ? customFieldOf(m[1]!) : undefined;
  return field ? t('health_selector', [customFieldLabel(field), m![2]!]) : anchor;
}

/** The missing anchors as one list for page_cant_read_missing / page_read_in_part. */
export const missingText = (missing: readonly string[]): string => missing.map(anchorText).join(t('page_missing_separator'));
