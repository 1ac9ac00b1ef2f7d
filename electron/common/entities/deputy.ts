export interface Deputy {
  id: number;
  name: string;
  delegation: string;
  phone: string;
}
