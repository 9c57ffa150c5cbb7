-- The config, as tables, so that scoring SQL joins on rules instead of having values glued in.
CREATE TABLE cfg_competition (start_date DATE, end_date DATE);
CREATE TABLE cfg_levels (level_id VARCHAR, depth INTEGER);
CREATE TABLE cfg_periods (period_id VARCHAR, kind VARCHAR, start_date DATE, end_date DATE, ord INTEGER, combined BOOLEAN);
CREATE TABLE cfg_period_parts (period_id VARCHAR, part_id VARCHAR, weight DECIMAL(18, 6));
CREATE TABLE cfg_scores (score_id VARCHAR, model VARCHAR, base DECIMAL(18, 6), aggregate VARCHAR);
CREATE TABLE cfg_score_subjects (score_id VARCHAR, subject VARCHAR);
CREATE TABLE cfg_score_check_kinds (score_id VARCHAR, check_kind VARCHAR);
CREATE TABLE cfg_scores_excluding_unsigned (score_id VARCHAR);
CREATE TABLE cfg_event_types (type_id VARCHAR, score_id VARCHAR, sign INTEGER, fixed_points DECIMAL(18, 6), min_points DECIMAL(18, 6), max_points DECIMAL(18, 6), verified_only BOOLEAN);
CREATE TABLE cfg_cascades (type_id VARCHAR, step INTEGER, target VARCHAR, level_id VARCHAR, points DECIMAL(18, 6));
CREATE TABLE cfg_survey_points (score_id VARCHAR, satisfied DECIMAL(18, 6), neutral DECIMAL(18, 6), unsatisfied DECIMAL(18, 6));
CREATE TABLE cfg_rankings (ranking_id VARCHAR, ord INTEGER, score_id VARCHAR, subject VARCHAR, within_level VARCHAR, descending BOOLEAN);
CREATE TABLE cfg_awards (award_id VARCHAR, ord INTEGER, kind VARCHAR, ranking_id VARCHAR, period_id VARCHAR, places INTEGER, amount DECIMAL(18, 2));
CREATE TABLE cfg_ranking_periods (ranking_id VARCHAR, period_id VARCHAR);
CREATE TABLE cfg_targets (period_id VARCHAR, score_id VARCHAR, op VARCHAR, value DECIMAL(18, 6));
