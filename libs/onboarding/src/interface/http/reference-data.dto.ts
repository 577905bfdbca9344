import { ApiProperty } from '@nestjs/swagger';

class LanguageResponse {
  @ApiProperty({ example: 'chinese_traditional' }) id: string;
  @ApiProperty({ example: 'Traditional Chinese' }) name: string;
  @ApiProperty({ example: '繁體中文' }) native_name: string;
}
export class LanguagesResponse {
  @ApiProperty({ type: [LanguageResponse] }) languages: LanguageResponse[];
}

class DescribedResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
}
class IndustryResponse extends DescribedResponse {
  @ApiProperty({ example: 12, description: 'Roles of the catalog in this industry' }) role_count: number;
}
export class IndustriesResponse {
  @ApiProperty({ type: [IndustryResponse] }) industries: IndustryResponse[];
}
export class PartnersListResponse {
  @ApiProperty({ type: [DescribedResponse] }) communication_partners: DescribedResponse[];
}
export class SituationsListResponse {
  @ApiProperty({ type: [DescribedResponse] }) situations: DescribedResponse[];
}
class LevelResponse {
  @ApiProperty({ example: 'manager' }) id: string;
  @ApiProperty({ example: 'Manager' }) name: string;
}
export class HierarchyLevelsResponse {
  @ApiProperty({ type: [LevelResponse] }) hierarchy_levels: LevelResponse[];
}
export class ProficiencyLevelsResponse {
  @ApiProperty({ type: [DescribedResponse] }) proficiency_levels: DescribedResponse[];
}
